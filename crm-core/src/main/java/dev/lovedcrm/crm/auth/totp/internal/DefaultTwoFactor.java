package dev.lovedcrm.crm.auth.totp.internal;

import dev.lovedcrm.crm.TenantContext;
import dev.lovedcrm.crm.auth.totp.TotpEnrollment;
import dev.lovedcrm.crm.auth.totp.TwoFactor;
import dev.lovedcrm.crm.auth.totp.spi.TwoFactorRepository;
import dev.lovedcrm.crm.auth.totp.TwoFactorStatus;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.event.internal.EventPublisher;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.store.StoreTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The {@link TwoFactor} service of one tenant scope. */
public final class DefaultTwoFactor implements TwoFactor {

    private final CrmStore store;
    private final TenantContext context;
    private final SecondFactor secondFactor;
    private final EventPublisher events;
    private final Clock clock;
    private final SecureRandom random;

    public DefaultTwoFactor(CrmStore store, TenantContext context, SecondFactor secondFactor, EventPublisher events,
            Clock clock, SecureRandom random) {
        this.store = store;
        this.context = context;
        this.secondFactor = secondFactor;
        this.events = events;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public TwoFactorStatus status() {
        return store.inTenant(context.organizationId(), tx -> repository(tx)
                .lock(context.organizationId(), context.actingUserId())
                .map(s -> new TwoFactorStatus(true, s.enabled(), s.backupCodeHashes().size(), s.confirmedAt(), s.lastUsedAt()))
                .orElse(new TwoFactorStatus(false, false, 0, null, null)));
    }

    @Override
    public TotpEnrollment enroll() {
        String secret = Totp.newSecret(random);
        return store.inTenant(context.organizationId(), tx -> {
            TwoFactorRepository repository = repository(tx);
            if (repository.lock(context.organizationId(), context.actingUserId()).filter(TwoFactorRepository.Stored::enabled).isPresent()) {
                throw new ConflictException("two_factor.already_enabled", "two-factor authentication is already enabled");
            }
            repository.enrol(context.organizationId(), context.actingUserId(), secret);
            String account = tx.repository(MemberRepository.class).activeUserEmail(context.actingUserId()).orElse("user");
            String issuer = tx.repository(OrganizationRepository.class).findById(context.organizationId())
                    .map(Organization::name).orElse("Loved CRM");
            return new TotpEnrollment(secret, Totp.uri(secret, issuer, account));
        });
    }

    @Override
    public List<String> confirm(String code) {
        requireCode(code);
        List<String> codes = secondFactor.newBackupCodes();
        List<String> hashes = secondFactor.hash(codes);
        return store.inTenant(context.organizationId(), tx -> {
            TwoFactorRepository repository = repository(tx);
            TwoFactorRepository.Stored stored = repository.lock(context.organizationId(), context.actingUserId())
                    .orElseThrow(() -> new ConflictException("two_factor.not_enrolled", "call enroll() first"));
            if (stored.enabled()) {
                throw new ConflictException("two_factor.already_enabled", "two-factor authentication is already enabled");
            }
            if (!secondFactor.acceptTotp(repository, context.organizationId(), context.actingUserId(), stored.secret(), code)) {
                throw invalidCode();
            }
            repository.update(context.organizationId(), context.actingUserId(),
                    new TwoFactorRepository.Stored(stored.secret(), hashes, List.of(), true, clock.instant(), clock.instant()));
            events.publish(tx, EventType.TWO_FACTOR_ENABLED, context, Map.of("userId", context.actingUserId().toString()));
            return codes;
        });
    }

    @Override
    public void verify(String code) {
        requireCode(code);
        store.inTenant(context.organizationId(), tx -> {
            requireAccepted(repository(tx), code, true);
            return null;
        });
    }

    @Override
    public List<String> regenerateBackupCodes(String code) {
        requireCode(code);
        List<String> codes = secondFactor.newBackupCodes();
        List<String> hashes = secondFactor.hash(codes);
        return store.inTenant(context.organizationId(), tx -> {
            TwoFactorRepository repository = repository(tx);
            TwoFactorRepository.Stored stored = requireAccepted(repository, code, false);
            repository.update(context.organizationId(), context.actingUserId(), new TwoFactorRepository.Stored(
                    stored.secret(), hashes, List.of(), true, stored.confirmedAt(), clock.instant()));
            return codes;
        });
    }

    @Override
    public void disable(String code) {
        requireCode(code);
        store.inTenant(context.organizationId(), tx -> {
            TwoFactorRepository repository = repository(tx);
            requireAccepted(repository, code, true);
            repository.delete(context.organizationId(), context.actingUserId());
            events.publish(tx, EventType.TWO_FACTOR_DISABLED, context, Map.of("userId", context.actingUserId().toString()));
            return null;
        });
    }

    /** The enabled second factor, after accepting a TOTP code (or a backup code, when allowed; it is then spent). */
    private TwoFactorRepository.Stored requireAccepted(TwoFactorRepository repository, String code, boolean backupCodeAllowed) {
        TwoFactorRepository.Stored stored = repository.lock(context.organizationId(), context.actingUserId())
                .filter(TwoFactorRepository.Stored::enabled)
                .orElseThrow(() -> new ConflictException("two_factor.not_enabled", "two-factor authentication is not enabled"));
        boolean accepted = backupCodeAllowed
                ? secondFactor.accept(repository, context.organizationId(), context.actingUserId(), stored, code)
                : secondFactor.acceptTotp(repository, context.organizationId(), context.actingUserId(), stored.secret(), code);
        if (!accepted) {
            throw invalidCode();
        }
        return stored;
    }

    private static TwoFactorRepository repository(StoreTransaction tx) {
        return tx.repository(TwoFactorRepository.class);
    }

    private static void requireCode(String code) {
        new Validation().text("code", code, 6, 20).throwIfInvalid();
    }

    static AuthenticationException invalidCode() {
        return new AuthenticationException("auth.invalid_two_factor_code", "the code is wrong, expired or already used");
    }
}
