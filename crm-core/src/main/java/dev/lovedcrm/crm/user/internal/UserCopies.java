package dev.lovedcrm.crm.user.internal;

import dev.lovedcrm.crm.user.User;
import java.time.Instant;

/** Copies of a user with flags or links changed. */
public final class UserCopies {

    private UserCopies() {
    }

    public static User withFlags(User u, boolean active, boolean superuser, boolean mustChangePassword) {
        return new User(u.id(), u.email(), u.fullName(), u.bio(), u.location(), u.avatarUrl(), u.phone(), u.timezone(),
                u.language(), u.googleId(), active, u.verified(), superuser, mustChangePassword, u.lastLogin(),
                u.verifiedAt(), u.createdAt(), u.updatedAt());
    }

    static User verified(User u, Instant at) {
        return new User(u.id(), u.email(), u.fullName(), u.bio(), u.location(), u.avatarUrl(), u.phone(), u.timezone(),
                u.language(), u.googleId(), u.active(), true, u.superuser(), u.mustChangePassword(), u.lastLogin(), at,
                u.createdAt(), u.updatedAt());
    }

    static User linkedToGoogle(User u, String googleId) {
        return new User(u.id(), u.email(), u.fullName(), u.bio(), u.location(), u.avatarUrl(), u.phone(), u.timezone(),
                u.language(), googleId, u.active(), u.verified(), u.superuser(), u.mustChangePassword(), u.lastLogin(),
                u.verifiedAt(), u.createdAt(), u.updatedAt());
    }
}
