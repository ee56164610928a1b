package dev.lovedcrm.crm.auth.totp.internal;

import dev.lovedcrm.crm.auth.password.PasswordHasher;
import dev.lovedcrm.crm.internal.CrmRuntime;
import dev.lovedcrm.crm.auth.totp.spi.TwoFactorRepository;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Checks a second factor: a TOTP code (each time step accepted once, recorded atomically) or a
 * backup code (single use; 50 random bits each, so stored with the salted slow password hash, as
 * ASVS 5.0 §6.5.2 asks for codes under 112 bits).
 */
public final class SecondFactor {

    public static final int BACKUP_CODES = 10;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int BACKUP_CODE_LENGTH = 10;

    private final Totp totp = new Totp();
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random;

    public SecondFactor(PasswordHasher hasher, Clock clock, SecureRandom random) {
        this.hasher = hasher;
        this.clock = clock;
        this.random = random;
    }

    public SecondFactor(CrmRuntime runtime) {
        this(runtime.hasher(), runtime.clock(), runtime.random());
    }

    public Totp totp() {
        return totp;
    }

    /** Whether a TOTP code is valid now and its step not used before; records the step when it is. */
    public boolean acceptTotp(TwoFactorRepository repository, OrganizationId organization, UserId user, String secret,
            String code) {
        Instant now = clock.instant();
        OptionalLong step = totp.matchingStep(secret, normalize(code), now);
        return step.isPresent() && repository.acceptStep(organization, user, step.getAsLong(), now);
    }

    /**
     * Accepts a TOTP code or spends a backup code. On a backup code the stored lists are updated.
     *
     * @return true when the code was accepted
     */
    public boolean accept(TwoFactorRepository repository, OrganizationId organization, UserId user,
            TwoFactorRepository.Stored stored, String code) {
        String normalized = normalize(code);
        if (normalized.length() == Totp.DIGITS && normalized.chars().allMatch(Character::isDigit)) {
            return acceptTotp(repository, organization, user, stored.secret(), normalized);
        }
        if (normalized.length() != BACKUP_CODE_LENGTH) {
            return false;
        }
        for (String hash : stored.backupCodeHashes()) {
            if (hasher.verify(hash, normalized.toCharArray())) {
                List<String> left = new ArrayList<>(stored.backupCodeHashes());
                left.remove(hash);
                List<String> used = new ArrayList<>(stored.usedBackupCodeHashes());
                used.add(hash);
                repository.update(organization, user, new TwoFactorRepository.Stored(stored.secret(), left, used,
                        stored.enabled(), stored.confirmedAt(), clock.instant()));
                return true;
            }
        }
        return false;
    }

    /** New backup codes ({@code xxxxx-xxxxx}); the caller stores {@link #hash(List)} of them. */
    public List<String> newBackupCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < BACKUP_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < BACKUP_CODE_LENGTH; c++) {
                if (c == BACKUP_CODE_LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    public List<String> hash(List<String> codes) {
        return codes.stream().map(c -> hasher.hash(normalize(c).toCharArray())).toList();
    }

    private static String normalize(String code) {
        return code == null ? "" : code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
