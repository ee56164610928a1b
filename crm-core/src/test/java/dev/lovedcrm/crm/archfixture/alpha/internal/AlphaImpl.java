package dev.lovedcrm.crm.archfixture.alpha.internal;

/** An internal class of alpha that others use. */
public class AlphaImpl {
}
