-- One-line row-level security for every tenant table added from now on:
--
--     CREATE TABLE crm.things (organization_id UUID NOT NULL REFERENCES crm.organizations (id), ...);
--     SELECT crm.enable_tenant_isolation('crm.things');
--
-- It does for one table exactly what V3__tenant_isolation.sql did for every table that existed
-- then, so a later migration cannot get the policy subtly different (a missing WITH CHECK, a
-- session-level setting, a forgotten ENABLE). The decisions, one by one:
--
-- * ENABLE, not FORCE, ROW LEVEL SECURITY: as in V3, the schema owner stays exempt on purpose, so
--   SECURITY DEFINER functions it owns (lead search) can use GIN/trigram indexes while reading the
--   tenant from the same transaction setting. The application role is always subject to the policy.
-- * The policy is V3's, word for word and under V3's name `tenant_isolation`:
--   organization_id = crm.current_tenant() OR crm.system_mode(), in USING (what can be seen, updated,
--   deleted) and in WITH CHECK (what can be written), so a tenant can neither read another's rows
--   nor insert or move a row into another tenant. Outside a tenant transaction
--   crm.current_tenant() is NULL and nothing matches (fail closed).
-- * It refuses a table that is not a tenant table: an ordinary table of schema crm with a NOT NULL
--   organization_id. A policy on a nullable column would hide the NULL rows from everyone and still
--   let anyone insert them; a table outside crm is not the SDK's.
-- * Idempotent: calling it again replaces the policy with the same one, so a migration that is
--   repaired and re-run does not fail halfway.
-- * SECURITY INVOKER (the default), never DEFINER: ALTER TABLE and CREATE POLICY need the table's
--   owner, and an invoker function cannot lend that right to anyone. On top, it checks up front that
--   the caller owns (or is a member of the owner of) the table and raises insufficient_privilege
--   (42501) otherwise, with a clear message instead of a half-applied change.
-- * Owner-only: EXECUTE is revoked from PUBLIC. Note that CrmDatabase.migrate(ds, appRole) grants
--   the application role EXECUTE on all functions of the schema (the search functions need it), so
--   the application role may be able to call it; the ownership check above (and PostgreSQL's own
--   ownership rule for ALTER TABLE) is what makes that call fail and change nothing.
-- * No GRANTs here: the tables' privileges come from CrmDatabase.migrate (GRANT on all tables plus
--   ALTER DEFAULT PRIVILEGES for tables created later by the owner), as in V3, and the helper does
--   not know the application role's name.
-- * search_path is pinned to pg_catalog so the names the function uses cannot be redirected, and
--   every name it writes into SQL goes through format('%s', regclass), which quotes it.
-- * The tables that existed before V5 keep the policies V3 created; this migration changes none of
--   them. crm.organizations (the tenant root, whose id is the tenant) keeps its own policy from V3.

CREATE FUNCTION crm.enable_tenant_isolation(table_name regclass) RETURNS void
    LANGUAGE plpgsql
    SECURITY INVOKER
    SET search_path = pg_catalog
    AS $$
DECLARE
    tenant_table record;
BEGIN
    SELECT n.nspname AS schema_name, c.relkind, c.relowner,
           EXISTS (SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'organization_id'
                      AND NOT a.attisdropped AND a.attnotnull) AS has_tenant_column
      INTO tenant_table
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid = table_name;

    IF tenant_table.schema_name <> 'crm' OR tenant_table.relkind NOT IN ('r', 'p') THEN
        RAISE EXCEPTION 'crm.enable_tenant_isolation: % is not a table of schema crm', table_name
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT tenant_table.has_tenant_column THEN
        RAISE EXCEPTION 'crm.enable_tenant_isolation: % has no NOT NULL organization_id column', table_name
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT pg_has_role(current_user, tenant_table.relowner, 'USAGE') THEN
        RAISE EXCEPTION 'crm.enable_tenant_isolation: only the owner of % may enable its isolation', table_name
            USING ERRCODE = 'insufficient_privilege';
    END IF;

    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', table_name);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', table_name);
    EXECUTE format(
        'CREATE POLICY tenant_isolation ON %s '
        'USING (organization_id = crm.current_tenant() OR crm.system_mode()) '
        'WITH CHECK (organization_id = crm.current_tenant() OR crm.system_mode())', table_name);
END
$$;
COMMENT ON FUNCTION crm.enable_tenant_isolation(regclass) IS
    'Row-level security with the standard tenant_isolation policy (V3) on one tenant table; call it in the migration that creates the table.';
REVOKE EXECUTE ON FUNCTION crm.enable_tenant_isolation(regclass) FROM PUBLIC;

INSERT INTO crm.schema_versions (version, description)
VALUES (5, 'isolation helper: crm.enable_tenant_isolation(table)')
ON CONFLICT (version) DO NOTHING;
