/**
 * Spring Boot auto-configuration of the Loved CRM SDK: add {@code crm-spring-adapter} next to a
 * DataSource and inject {@link dev.lovedcrm.crm.Crm}. Settings under {@code crm.*}
 * ({@link dev.lovedcrm.crm.spring.CrmProperties}).
 */
package dev.lovedcrm.crm.spring;
