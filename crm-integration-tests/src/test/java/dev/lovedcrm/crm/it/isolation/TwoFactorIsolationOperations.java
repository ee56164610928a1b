package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.auth.totp.TotpEnrollment;
import dev.lovedcrm.crm.auth.totp.internal.Totp;
import java.util.List;

/**
 * The acting member's second factor in its organization: enrol, confirm, verify, regenerate backup
 * codes, disable, with the right code when an earlier step of the same member enrolled, else a wrong one.
 */
final class TwoFactorIsolationOperations implements IsolationOperations {

    private static final Totp TOTP = new Totp();

    @Override
    public String feature() {
        return "twoFactor";
    }

    @Override
    public List<IsolationOperation> operations() {
        return of(
                operation("status", (world, scope, step) -> scope.twoFactor().status()),
                operation("enroll", (world, scope, step) -> {
                    TotpEnrollment enrollment = scope.twoFactor().enroll();
                    world.rememberTotpSecret(step, enrollment.secret());
                    return enrollment;
                }),
                operation("confirm", (world, scope, step) -> scope.twoFactor().confirm(code(world, step))),
                operation("verify", (world, scope, step) -> {
                    scope.twoFactor().verify(code(world, step));
                    return null;
                }),
                operation("regenerateBackupCodes", (world, scope, step) -> scope.twoFactor().regenerateBackupCodes(code(world, step))),
                operation("disable", (world, scope, step) -> {
                    scope.twoFactor().disable(code(world, step));
                    return null;
                }));
    }

    /** The current code when this member enrolled earlier and the salt is even, else a wrong one. */
    private static String code(IsolationWorld world, Step step) {
        String secret = world.totpSecret(step);
        if (secret == null || step.salt() % 2 != 0) {
            return "000000";
        }
        world.fx.clock.advance(java.time.Duration.ofSeconds(Totp.PERIOD_SECONDS));
        return TOTP.code(secret, Totp.step(world.fx.clock.instant()));
    }
}
