/** Invites into an organization: the inviting side ({@code scope.invites()}) and the invitee's ({@code crm.invitations()}). */
package dev.lovedcrm.crm.invite;
