package dev.lovedcrm.crm.jdbi.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository statement that deliberately reads or writes across tenants (a user's own list
 * of organizations, job workers, sign-in). The tenant-filter lint skips it; the reason is required
 * so every exception to the rule is reviewed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CrossTenant {

    /**
     * Why this statement may cross tenants.
     *
     * @return the reason
     */
    String value();
}
