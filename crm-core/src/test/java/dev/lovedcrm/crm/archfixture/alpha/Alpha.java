package dev.lovedcrm.crm.archfixture.alpha;

import dev.lovedcrm.crm.archfixture.beta.Beta;

/** Depends on beta, which depends back on alpha: a cycle. */
public class Alpha {
    public Beta beta() {
        return new Beta();
    }
}
