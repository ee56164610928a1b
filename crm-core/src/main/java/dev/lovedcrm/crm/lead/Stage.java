package dev.lovedcrm.crm.lead;

import dev.lovedcrm.crm.store.DatabaseEnum;

/**
 * The pipeline's stages, in order. Stored (and sent on the wire) as {@code lead}, {@code contact},
 * {@code proposal}, {@code negotiation}, {@code closed}; {@link #label()} is the Portuguese name shown to people.
 * A lead is closed exactly when its stage is {@link #CLOSED}.
 */
public enum Stage implements DatabaseEnum {
    /** A new lead. */
    LEAD("Lead"),
    /** First contact made. */
    CONTACT("Contato"),
    /** A proposal was sent. */
    PROPOSAL("Proposta"),
    /** Negotiating. */
    NEGOTIATION("Negociação"),
    /** Closed, won or lost. */
    CLOSED("Fechado");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /**
     * The Portuguese label: Lead, Contato, Proposta, Negociação, Fechado.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Whether a lead in this stage is still open (every stage but {@link #CLOSED}).
     *
     * @return true for open stages
     */
    public boolean isOpen() {
        return this != CLOSED;
    }
}
