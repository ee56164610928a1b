package dev.lovedcrm.crm.organization.internal;

import static dev.lovedcrm.crm.organization.internal.OrganizationRules.blankToNull;

import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.CurrentOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationPatch;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import java.util.Map;

/** The {@link CurrentOrganization} of one tenant scope. */
public final class DefaultCurrentOrganization implements CurrentOrganization {

    private final TenantWork work;

    public DefaultCurrentOrganization(TenantWork work) {
        this.work = work;
    }

    @Override
    public Organization get() {
        return work.run(Action.ORGANIZATION_READ, DefaultCurrentOrganization::current);
    }

    @Override
    public Organization update(OrganizationPatch patch) {
        Validation.requireNonNull("patch", patch);
        Validation validation = new Validation();
        if (patch.name() != null) {
            validation.text("name", patch.name(), 2, 255);
        }
        String website = OrganizationRules.profileChecks(validation, patch.description(), patch.website(),
                patch.logoUrl(), patch.industry(), patch.companySize(), patch.settings());
        validation.throwIfInvalid();
        return work.run(Action.ORGANIZATION_UPDATE, tx -> {
            Organization o = current(tx);
            Organization updated = new Organization(o.id(),
                    patch.name() == null ? o.name() : patch.name().trim(),
                    o.slug(),
                    patch.description() == null ? o.description() : blankToNull(patch.description()),
                    patch.website() == null ? o.website() : website,
                    patch.logoUrl() == null ? o.logoUrl() : blankToNull(patch.logoUrl()),
                    patch.industry() == null ? o.industry() : blankToNull(patch.industry()),
                    patch.companySize() == null ? o.companySize() : blankToNull(patch.companySize()),
                    o.ownerId(), o.active(), o.verified(), o.subscriptionStatus(), o.trialEndsAt(),
                    patch.settings() == null ? o.settings() : patch.settings(), o.createdAt(), o.updatedAt());
            organizations(tx).update(updated);
            tx.publish(EventType.ORGANIZATION_UPDATED, Map.of("name", updated.name()));
            return current(tx);
        });
    }

    @Override
    public Organization deactivate() {
        return work.run(Action.ORGANIZATION_DEACTIVATE, tx -> {
            organizations(tx).update(current(tx).withActive(false));
            tx.publish(EventType.ORGANIZATION_DEACTIVATED, Map.of());
            return current(tx);
        });
    }

    @Override
    public void transferOwnership(UserId newOwner) {
        Validation.requireNonNull("newOwner", newOwner);
        if (work.principal() instanceof MemberPrincipal self && self.userId().equals(newOwner)) {
            throw ValidationException.of("newOwner", "must be another member");
        }
        work.execute(Action.OWNERSHIP_TRANSFER, tx -> {
            MemberRepository members = tx.repository(MemberRepository.class);
            members.lockActiveOwners(tx.organizationId());
            MemberPrincipal actor = tx.lockedMember(Action.OWNERSHIP_TRANSFER);
            Member target = members.lockByUser(tx.organizationId(), newOwner)
                    .filter(Member::active)
                    .orElseThrow(() -> NotFoundException.of("member", newOwner));
            Member acting = members.lockByUser(tx.organizationId(), actor.userId()).orElseThrow();
            members.update(target.withRole(Role.OWNER));
            members.update(acting.withRole(Role.ADMIN));
            organizations(tx).update(current(tx).withOwner(newOwner));
            tx.publish(EventType.OWNERSHIP_TRANSFERRED, Map.of("from", actor.userId().toString(), "to", newOwner.toString()));
        });
    }

    private static Organization current(TenantTransaction tx) {
        return organizations(tx).findById(tx.organizationId())
                .orElseThrow(() -> NotFoundException.of("organization", tx.organizationId()));
    }

    private static OrganizationRepository organizations(TenantTransaction tx) {
        return tx.repository(OrganizationRepository.class);
    }
}
