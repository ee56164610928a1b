package dev.lovedcrm.crm.auth.totp.internal;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.auth.throttle.spi.ThrottleRepository;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.ThrottleKeys;
import dev.lovedcrm.crm.auth.totp.TotpEnrollment;
import dev.lovedcrm.crm.auth.totp.TwoFactor;
import dev.lovedcrm.crm.auth.totp.spi.TwoFactorRepository;
import dev.lovedcrm.crm.auth.totp.TwoFactorStatus;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The {@link TwoFactor} service of one tenant scope. */
public final class DefaultTwoFactor implements TwoFactor {

    private final TenantWork work;
    private final SecondFactor secondFactor;

    public DefaultTwoFactor(TenantWork work) {
        this.work = work;
        this.secondFactor = new SecondFactor(work.runtime());
    }

    @Override
    public TwoFactorStatus status() {
        return work.run(Action.TWO_FACTOR_MANAGE, tx -> repository(tx)
                .lock(tx.organizationId(), tx.memberUserId())
                .map(s -> new TwoFactorStatus(true, s.enabled(), s.backupCodeHashes().size(), s.confirmedAt(), s.lastUsedAt()))
                .orElse(new TwoFactorStatus(false, false, 0, null, null)));
    }

    @Override
    public TotpEnrollment enroll() {
        String secret = Totp.newSecret(work.runtime().random());
        return work.run(Action.TWO_FACTOR_MANAGE, tx -> {
            TwoFactorRepository repository = repository(tx);
            if (repository.lock(tx.organizationId(), tx.memberUserId()).filter(TwoFactorRepository.Stored::enabled).isPresent()) {
                throw new ConflictException("two_factor.already_enabled", "two-factor authentication is already enabled");
            }
            repository.enrol(tx.organizationId(), tx.memberUserId(), secret);
            String account = tx.repository(MemberRepository.class).activeUserEmail(tx.memberUserId()).orElse("user");
            String issuer = tx.repository(OrganizationRepository.class).findById(tx.organizationId())
                    .map(Organization::name).orElse("Loved CRM");
            return new TotpEnrollment(secret, Totp.uri(secret, issuer, account));
        });
    }

    @Override
    public List<String> confirm(String code) {
        requireCode(code);
        List<String> codes = secondFactor.newBackupCodes();
        List<String> hashes = secondFactor.hash(codes);
        return work.run(Action.TWO_FACTOR_MANAGE, tx -> {
            TwoFactorRepository repository = repository(tx);
            TwoFactorRepository.Stored stored = repository.lock(tx.organizationId(), tx.memberUserId())
                    .orElseThrow(() -> new ConflictException("two_factor.not_enrolled", "call enroll() first"));
            if (stored.enabled()) {
                throw new ConflictException("two_factor.already_enabled", "two-factor authentication is already enabled");
            }
            if (!secondFactor.acceptTotp(repository, tx.organizationId(), tx.memberUserId(), stored.secret(), code)) {
                throw invalidCode();
            }
            repository.update(tx.organizationId(), tx.memberUserId(),
                    new TwoFactorRepository.Stored(stored.secret(), hashes, List.of(), true, tx.now(), tx.now()));
            tx.publish(EventType.TWO_FACTOR_ENABLED, Map.of("userId", tx.memberUserId().toString()));
            return codes;
        });
    }

    @Override
    public void verify(String code) {
        requireCode(code);
        guarded(tx -> requireAccepted(tx, code, true));
    }

    @Override
    public List<String> regenerateBackupCodes(String code) {
        requireCode(code);
        List<String> codes = secondFactor.newBackupCodes();
        List<String> hashes = secondFactor.hash(codes);
        return guarded(tx -> {
            TwoFactorRepository repository = repository(tx);
            TwoFactorRepository.Stored stored = requireAccepted(tx, code, false);
            repository.update(tx.organizationId(), tx.memberUserId(), new TwoFactorRepository.Stored(
                    stored.secret(), hashes, List.of(), true, stored.confirmedAt(), tx.now()));
            return codes;
        });
    }

    @Override
    public void disable(String code) {
        requireCode(code);
        guarded(tx -> {
            requireAccepted(tx, code, true);
            repository(tx).delete(tx.organizationId(), tx.memberUserId());
            tx.publish(EventType.TWO_FACTOR_DISABLED, Map.of("userId", tx.memberUserId().toString()));
            return null;
        });
    }

    /**
     * Runs a check of a code like a sign-in does: the guess is counted on the member's second-factor key
     * ({@code 2fa:}, shared with sign-in and {@code enterOrganization}) in its own transaction before the
     * code is looked at, cleared when the check passes, and past the hard limit the account is locked
     * until a password reset. A delayed key answers {@code auth.rate_limited} without evaluating the code.
     */
    private <T> T guarded(Function<TenantTransaction, T> check) {
        Reservation reservation = work.run(Action.TWO_FACTOR_MANAGE, tx -> {
            String key = ThrottleKeys.secondFactor(tx.memberUserId(), tx.organizationId());
            int failures = ThrottleKeys.reserve(tx.repository(ThrottleRepository.class), List.of(key), tx.now(), work.runtime())
                    .get(key);
            return new Reservation(key, failures, tx.memberUserId());
        });
        try {
            return work.run(Action.TWO_FACTOR_MANAGE, tx -> {
                tx.repository(ThrottleRepository.class).clear(reservation.key());
                return check.apply(tx);
            });
        } catch (AuthenticationException e) {
            if (e.code().equals(invalidCode().code())) {
                ThrottleKeys.hardLockIfPast(work.runtime(), reservation.user(), reservation.failures());
            }
            throw e;
        } catch (RuntimeException e) {
            // Not a guess (second factor not enabled, no longer a member): give the attempt back.
            work.runtime().store().inSystem("second factor: give back an unevaluated attempt", tx -> {
                ThrottleKeys.release(tx.repository(ThrottleRepository.class), reservation.key(), work.runtime());
                return null;
            });
            throw e;
        }
    }

    private record Reservation(String key, int failures, UserId user) {
    }

    /** The enabled second factor, after accepting a TOTP code (or a backup code, when allowed; it is then spent). */
    private TwoFactorRepository.Stored requireAccepted(TenantTransaction tx, String code, boolean backupCodeAllowed) {
        TwoFactorRepository repository = repository(tx);
        TwoFactorRepository.Stored stored = repository.lock(tx.organizationId(), tx.memberUserId())
                .filter(TwoFactorRepository.Stored::enabled)
                .orElseThrow(() -> new ConflictException("two_factor.not_enabled", "two-factor authentication is not enabled"));
        boolean accepted = backupCodeAllowed
                ? secondFactor.accept(repository, tx.organizationId(), tx.memberUserId(), stored, code)
                : secondFactor.acceptTotp(repository, tx.organizationId(), tx.memberUserId(), stored.secret(), code);
        if (!accepted) {
            throw invalidCode();
        }
        return stored;
    }

    private static TwoFactorRepository repository(TenantTransaction tx) {
        return tx.repository(TwoFactorRepository.class);
    }

    private static void requireCode(String code) {
        new Validation().text("code", code, 6, 20).throwIfInvalid();
    }

    static AuthenticationException invalidCode() {
        return new AuthenticationException("auth.invalid_two_factor_code", "the code is wrong, expired or already used");
    }
}
