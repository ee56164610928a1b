package dev.lovedcrm.crm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class its own real, migrated, empty PostgreSQL database, dropped after
 * the class. Declare a {@link CrmTestDatabase} parameter on a test method, a {@code @BeforeAll} /
 * {@code @BeforeEach} / {@code @AfterEach} / {@code @AfterAll} method or the constructor to receive
 * it. Every method of the class, and of its {@code @Nested} classes, receives the same database.
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
 *
 * @see CrmDatabaseExtension
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CrmDatabaseExtension.class)
public @interface CrmDatabaseTest {
}
