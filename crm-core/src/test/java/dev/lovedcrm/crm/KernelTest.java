package dev.lovedcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.access.spi.PrincipalRepository;
import dev.lovedcrm.crm.auth.password.Argon2idPasswordHasher;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.event.spi.EventRepository;
import dev.lovedcrm.crm.id.ApiKeyId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.CrmRuntime;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.store.StoreTransaction;
import dev.lovedcrm.crm.user.AccountSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The tenant unit of work, with an in-memory store: the policy, the re-check of the acting principal, the
 * transaction as the only source of the organization, memoised repositories and events, for both kinds of
 * principal.
 */
class KernelTest {

    private static final OrganizationId ORG = new OrganizationId(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final FakeStore store = new FakeStore();
    private final CrmRuntime runtime = new CrmRuntime(store, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom(),
            List.of(), Argon2idPasswordHasher.owaspMinimum(), null, List.of(AccountSettings.defaults()), rt -> null);

    @Test
    void anApiKeyActsWithinItsCurrentScopesAndIsRecordedAsTheActor() {
        ApiKeyPrincipal key = new ApiKeyPrincipal(new ApiKeyId(UUID.randomUUID()), Set.of(Action.MEMBER_LIST));
        store.principals.apiKey = Optional.of(key);
        TenantWork work = new TenantWork(runtime, new TenantContext(ORG, key));

        OrganizationId seen = work.run(Action.MEMBER_LIST, tx -> {
            tx.publish(EventType.MEMBER_REMOVED, Map.of("userId", "x"));
            return tx.organizationId();
        });

        assertThat(seen).isEqualTo(ORG);
        assertThat(store.tenants).containsExactly(ORG);
        assertThat(store.principals.apiKeyReads.get()).isEqualTo(1);
        DomainEvent event = store.events.appended.get(0);
        assertThat(event.organizationId()).isEqualTo(ORG);
        assertThat(event.actorId()).isEqualTo(key.keyId().value());
        assertThat(event.actorKind()).isEqualTo(ActorKind.API_KEY);
    }

    @Test
    void anApiKeyIsRefusedWhatItsScopesDoNotGrantWithoutOpeningATransaction() {
        ApiKeyPrincipal key = new ApiKeyPrincipal(new ApiKeyId(UUID.randomUUID()), EnumSet.allOf(Action.class));
        store.principals.apiKey = Optional.of(key);
        TenantWork work = new TenantWork(runtime, new TenantContext(ORG, key));

        assertThatThrownBy(() -> work.run(Action.OWNERSHIP_TRANSFER, tx -> null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> work.run(Action.PREFERENCES_MANAGE, tx -> null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(store.tenants).isEmpty();
    }

    @Test
    void aRevokedOrNarrowedApiKeyIsRefusedInsideTheTransaction() {
        ApiKeyPrincipal opened = new ApiKeyPrincipal(new ApiKeyId(UUID.randomUUID()), Set.of(Action.MEMBER_LIST));
        TenantWork work = new TenantWork(runtime, new TenantContext(ORG, opened));

        store.principals.apiKey = Optional.empty();
        assertThatThrownBy(() -> work.run(Action.MEMBER_LIST, tx -> "read"))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("tenant.access_denied"));

        store.principals.apiKey = Optional.of(new ApiKeyPrincipal(opened.keyId(), Set.of(Action.INVITE_LIST)));
        assertThatThrownBy(() -> work.run(Action.MEMBER_LIST, tx -> "read"))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("permission.denied"));
        assertThat(store.events.appended).isEmpty();
    }

    @Test
    void aMemberIsReCheckedOncePerTransactionAndRecordedAsAUser() {
        MemberPrincipal opened = new MemberPrincipal(new UserId(UUID.randomUUID()), Role.ADMIN, Set.of());
        store.principals.member = Optional.of(opened);
        TenantWork work = new TenantWork(runtime, new TenantContext(ORG, opened));

        work.execute(Action.MEMBER_MANAGE, tx -> {
            tx.actor(Action.MEMBER_LIST);
            tx.actor(Action.INVITE_CREATE);
            assertThat(tx.repository(EventRepository.class)).isSameAs(tx.repository(EventRepository.class));
            assertThat(tx.memberUserId()).isEqualTo(opened.userId());
            tx.publish(EventType.MEMBER_REMOVED, Map.of());
        });

        assertThat(store.principals.memberReads.get()).isEqualTo(1);
        assertThat(store.repositoryLookups.get()).isEqualTo(2);
        DomainEvent event = store.events.appended.get(0);
        assertThat(event.actorId()).isEqualTo(opened.userId().value());
        assertThat(event.actorKind()).isEqualTo(ActorKind.USER);
    }

    @Test
    void aMemberDemotedSinceTheScopeOpenedIsRefused() {
        MemberPrincipal opened = new MemberPrincipal(new UserId(UUID.randomUUID()), Role.ADMIN, Set.of());
        store.principals.member = Optional.of(new MemberPrincipal(opened.userId(), Role.VIEWER, Set.of()));
        TenantWork work = new TenantWork(runtime, new TenantContext(ORG, opened));

        assertThatThrownBy(() -> work.run(Action.MEMBER_MANAGE, tx -> "changed"))
                .isInstanceOf(PermissionDeniedException.class);
        String read = work.run(Action.MEMBER_LIST, tx -> "read");
        assertThat(read).isEqualTo("read");
    }

    @Test
    void onlyAMemberHasAUserForItsOwnAccountData() {
        ApiKeyPrincipal key = new ApiKeyPrincipal(new ApiKeyId(UUID.randomUUID()), Set.of(Action.MEMBER_LIST));
        store.principals.apiKey = Optional.of(key);
        TenantWork work = new TenantWork(runtime, new TenantContext(ORG, key));

        assertThatThrownBy(() -> work.run(Action.MEMBER_LIST, tx -> tx.memberUserId()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> work.run(Action.MEMBER_LIST, tx -> tx.lockedMember(Action.MEMBER_LIST)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    /** A store that runs work at once, with in-memory principal and event repositories. */
    private static final class FakeStore implements CrmStore {
        final List<OrganizationId> tenants = new ArrayList<>();
        final FakePrincipals principals = new FakePrincipals();
        final FakeEvents events = new FakeEvents();
        final AtomicInteger repositoryLookups = new AtomicInteger();

        @Override
        public <T> T inTenant(OrganizationId organizationId, Function<StoreTransaction, T> work) {
            tenants.add(organizationId);
            List<Runnable> afterCommit = new ArrayList<>();
            T result = work.apply(new StoreTransaction() {
                @Override
                public <R> R repository(Class<R> port) {
                    repositoryLookups.incrementAndGet();
                    return port.cast(port == PrincipalRepository.class ? principals : events);
                }

                @Override
                public void afterCommit(Runnable action) {
                    afterCommit.add(action);
                }
            });
            afterCommit.forEach(Runnable::run);
            return result;
        }

        @Override
        public <T> T inSystem(String reason, Function<StoreTransaction, T> work) {
            throw new UnsupportedOperationException("tenant work never runs in system mode");
        }
    }

    private static final class FakePrincipals implements PrincipalRepository {
        Optional<MemberPrincipal> member = Optional.empty();
        Optional<ApiKeyPrincipal> apiKey = Optional.empty();
        final AtomicInteger memberReads = new AtomicInteger();
        final AtomicInteger apiKeyReads = new AtomicInteger();

        @Override
        public Optional<MemberPrincipal> activeMember(OrganizationId organizationId, UserId userId) {
            memberReads.incrementAndGet();
            return member.filter(m -> organizationId.equals(ORG) && m.userId().equals(userId));
        }

        @Override
        public Optional<MemberPrincipal> lockActiveMember(OrganizationId organizationId, UserId userId) {
            return activeMember(organizationId, userId);
        }

        @Override
        public Optional<ApiKeyPrincipal> activeApiKey(OrganizationId organizationId, ApiKeyId keyId, Instant now) {
            apiKeyReads.incrementAndGet();
            return apiKey.filter(k -> organizationId.equals(ORG) && k.keyId().equals(keyId) && now.equals(NOW));
        }
    }

    private static final class FakeEvents implements EventRepository {
        final List<DomainEvent> appended = new ArrayList<>();

        @Override
        public void append(DomainEvent event) {
            appended.add(event);
        }

        @Override
        public Page<DomainEvent> list(OrganizationId organizationId, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    }
}
