package dev.lovedcrm.crm.organization;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.util.Optional;

/**
 * Organizations as a whole: create, find, a user's list. From {@code crm.organizations()}; what an organization
 * does to itself goes through its scope ({@code scope.organization()}).
 */
public interface Organizations {

    /**
     * Creates an organization; the creator becomes its {@code owner} in the same transaction. The
     * slug is derived from the name when none is given ("Agência São Paulo" → {@code agencia-sao-paulo},
     * with {@code -2}, {@code -3}, … on collision). It starts on the free plan with a trial that ends
     * after the configured trial period (14 days unless set with {@code Crm.builder().tenancySettings(...)}).
     * Publishes {@code organization.created} and {@code member.joined}.
     *
     * @param creator the user creating it
     * @param input the organization's fields
     * @return the new organization
     * @throws dev.lovedcrm.crm.error.ValidationException naming the field at fault
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code organization.slug_taken} when an explicit slug is taken
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code user.not_found} for an unknown or inactive creator
     */
    Organization create(UserId creator, NewOrganization input);

    /**
     * Finds an organization by id, active or not, as anyone may see it: name, slug, logo. Needs no
     * membership, so it returns no settings; members read the whole organization with
     * {@code scope.organization().get()}.
     *
     * @param id the id
     * @return the public view, or empty
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code organizationId} when null
     */
    Optional<PublicOrganization> findById(OrganizationId id);

    /**
     * Finds an organization by slug, as {@link #findById} does.
     *
     * @param slug the slug (compared lower-cased)
     * @return the public view, or empty
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code slug} when blank
     */
    Optional<PublicOrganization> findBySlug(String slug);

    /**
     * The active organizations in which a user is an active member, with the user's role, oldest first.
     *
     * @param userId the user
     * @param page which page
     * @return the memberships
     */
    Page<OrganizationMembership> listForUser(UserId userId, PageRequest page);
}
