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
 * backup code (single use; 50 random secret bits each, so stored with the salted slow password hash, as
 * ASVS 5.0 §6.5.2 asks for codes under 112 bits).
 *
 * <p>A backup code ({@code xxxx-xxxx-xxxx}) is 2 selector characters and 10 secret ones: the selector, distinct among a
 * user's codes and stored in plain beside the hash ({@code <selector>:<argon2id hash>}), picks the one
 * stored hash to check, so a wrong code costs one slow hash, not one per stored code. The selector is not
 * secret; the code's strength is its 10 secret characters. Stored entries without a selector (from
 * before selectors) are never accepted: regenerate them.
 */
public final class SecondFactor {

    public static final int BACKUP_CODES = 10;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    /** Secret characters of a backup code (50 bits). */
    private static final int BACKUP_SECRET_LENGTH = 10;
    /** Selector characters in front of the secret (1024 values, distinct among a user's codes). */
    private static final int SELECTOR_LENGTH = 2;
    private static final int BACKUP_CODE_LENGTH = SELECTOR_LENGTH + BACKUP_SECRET_LENGTH;
    private static final char SEPARATOR = ':';

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
        String selector = normalized.substring(0, SELECTOR_LENGTH);
        String secret = normalized.substring(SELECTOR_LENGTH);
        List<String> selectable = stored.backupCodeHashes().stream()
                .filter(e -> e.length() > SELECTOR_LENGTH + 1 && e.charAt(SELECTOR_LENGTH) == SEPARATOR).toList();
        if (selectable.isEmpty()) {
            return false;
        }
        String entry = selectable.stream().filter(e -> e.startsWith(selector)).findFirst().orElse(null);
        // Without a stored code of that selector, another code's hash is checked (and cannot match the
        // selector), so every backup-code guess costs exactly one slow hash.
        String checked = entry != null ? entry : selectable.get(0);
        boolean matches = hasher.verify(checked.substring(SELECTOR_LENGTH + 1), secret.toCharArray());
        if (entry == null || !matches) {
            return false;
        }
        List<String> left = new ArrayList<>(stored.backupCodeHashes());
        left.remove(entry);
        List<String> used = new ArrayList<>(stored.usedBackupCodeHashes());
        used.add(entry);
        repository.update(organization, user, new TwoFactorRepository.Stored(stored.secret(), left, used,
                stored.enabled(), stored.confirmedAt(), clock.instant()));
        return true;
    }

    /**
     * New backup codes ({@code xxxx-xxxx-xxxx}: a 2-character selector, distinct among the codes, then 10
     * secret characters); the caller stores {@link #hash(List)} of them.
     */
    public List<String> newBackupCodes() {
        List<String> codes = new ArrayList<>();
        java.util.Set<String> selectors = new java.util.HashSet<>();
        while (codes.size() < BACKUP_CODES) {
            StringBuilder raw = new StringBuilder();
            for (int c = 0; c < BACKUP_CODE_LENGTH; c++) {
                raw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!selectors.add(raw.substring(0, SELECTOR_LENGTH))) {
                continue;
            }
            codes.add(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8));
        }
        return codes;
    }

    /** The stored form of each code: {@code <selector>:<argon2id hash of the secret part>}. */
    public List<String> hash(List<String> codes) {
        return codes.stream().map(SecondFactor::normalize).map(c -> c.substring(0, SELECTOR_LENGTH) + SEPARATOR
                + hasher.hash(c.substring(SELECTOR_LENGTH).toCharArray())).toList();
    }

    private static String normalize(String code) {
        return code == null ? "" : code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
