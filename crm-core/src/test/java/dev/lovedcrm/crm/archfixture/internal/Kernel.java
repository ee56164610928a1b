package dev.lovedcrm.crm.archfixture.internal;

import dev.lovedcrm.crm.archfixture.alpha.internal.AlphaImpl;

/** A kernel that reaches into a feature's internals. */
public class Kernel {
    public AlphaImpl alpha() {
        return new AlphaImpl();
    }
}
