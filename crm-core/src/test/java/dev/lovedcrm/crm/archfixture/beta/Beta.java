package dev.lovedcrm.crm.archfixture.beta;

import dev.lovedcrm.crm.archfixture.alpha.Alpha;
import dev.lovedcrm.crm.archfixture.alpha.internal.AlphaImpl;

/** Closes the cycle with alpha and reaches into alpha's internals. */
public class Beta {
    public Alpha alpha() {
        return new Alpha();
    }

    public AlphaImpl alphaInternals() {
        return new AlphaImpl();
    }
}
