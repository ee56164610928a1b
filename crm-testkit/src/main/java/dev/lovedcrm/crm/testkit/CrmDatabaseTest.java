package dev.lovedcrm.crm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class its own real, migrated, empty PostgreSQL database. Declare a
 * {@link CrmTestDatabase} parameter on a test, lifecycle method or constructor to receive it.
 *
 * <pre>{@code
 * @CrmDatabaseTest
 * class LeadsIT {
 *     @Test
 *     void works(CrmTestDatabase db) {
 *         Crm crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).build();
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CrmDatabaseExtension.class)
public @interface CrmDatabaseTest {
}
