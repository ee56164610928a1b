package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.auth.spi.ThrottleRepository;
import dev.lovedcrm.crm.auth.session.spi.SessionRepository;
import dev.lovedcrm.crm.auth.totp.spi.TwoFactorRepository;
import dev.lovedcrm.crm.event.spi.EventRepository;
import dev.lovedcrm.crm.invite.spi.InviteRepository;
import dev.lovedcrm.crm.jdbi.internal.auth.JdbiThrottleRepository;
import dev.lovedcrm.crm.jdbi.internal.auth.JdbiTwoFactorRepository;
import dev.lovedcrm.crm.jdbi.internal.event.JdbiEventRepository;
import dev.lovedcrm.crm.jdbi.internal.invite.JdbiInviteRepository;
import dev.lovedcrm.crm.jdbi.internal.member.JdbiMemberRepository;
import dev.lovedcrm.crm.jdbi.internal.organization.JdbiOrganizationRepository;
import dev.lovedcrm.crm.jdbi.internal.preference.JdbiPreferencesRepository;
import dev.lovedcrm.crm.jdbi.internal.session.JdbiSessionRepository;
import dev.lovedcrm.crm.jdbi.internal.user.JdbiUserRepository;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.preference.spi.PreferencesRepository;
import dev.lovedcrm.crm.user.spi.UserRepository;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Which JDBI SqlObject implements which repository port of crm-core. Every new port gets one line
 * here; a test checks that every port in crm-core has an entry.
 */
public final class RepositoryRegistry {

    private static final Map<Class<?>, Class<?>> IMPLEMENTATIONS = Map.ofEntries(
            Map.entry(OrganizationRepository.class, JdbiOrganizationRepository.class),
            Map.entry(MemberRepository.class, JdbiMemberRepository.class),
            Map.entry(InviteRepository.class, JdbiInviteRepository.class),
            Map.entry(EventRepository.class, JdbiEventRepository.class),
            Map.entry(UserRepository.class, JdbiUserRepository.class),
            Map.entry(SessionRepository.class, JdbiSessionRepository.class),
            Map.entry(ThrottleRepository.class, JdbiThrottleRepository.class),
            Map.entry(TwoFactorRepository.class, JdbiTwoFactorRepository.class),
            Map.entry(PreferencesRepository.class, JdbiPreferencesRepository.class));

    public static Map<Class<?>, Class<?>> implementations() {
        return IMPLEMENTATIONS;
    }

    <R> R attach(Handle handle, Class<R> port) {
        Class<?> implementation = IMPLEMENTATIONS.get(port);
        if (implementation == null) {
            throw new IllegalArgumentException("no JDBI implementation of " + port.getName());
        }
        return port.cast(handle.attach(implementation));
    }
}
