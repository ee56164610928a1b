-- Loved CRM baseline schema: the 20 tables of seed/TABLES.md in the schema crm.
--
-- Tenant-owned tables are keyed for the tenant (Citus-ready): PRIMARY KEY (organization_id, id),
-- unique constraints that include organization_id, and composite foreign keys between tenant
-- tables, so the database itself refuses a cross-tenant reference. users, user_sessions, plans,
-- background_jobs, schema_versions and seed_versions are not tenant-owned.
-- Additions to the seed carry a comment saying why.

-- The schema usually exists already (CrmDatabase and Flyway create it); keep its notice out of the logs.
SET LOCAL client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS crm;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TYPE crm.organization_role AS ENUM ('owner', 'admin', 'member', 'viewer');
CREATE TYPE crm.invite_status AS ENUM ('pending', 'accepted', 'rejected', 'expired', 'cancelled');
CREATE TYPE crm.lead_priority AS ENUM ('low', 'medium', 'high', 'urgent');

CREATE FUNCTION crm.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;

-- ---------------------------------------------------------------------------------------------
-- Versions
-- ---------------------------------------------------------------------------------------------

CREATE TABLE crm.schema_versions (
    version     INTEGER     NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    description TEXT,
    CONSTRAINT pk_schema_versions PRIMARY KEY (version)
);

CREATE TABLE crm.seed_versions (
    version     INTEGER     NOT NULL,
    environment VARCHAR(20) NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    description TEXT,
    CONSTRAINT pk_seed_versions PRIMARY KEY (version, environment)
);

-- ---------------------------------------------------------------------------------------------
-- Users (global)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE crm.users (
    id                         UUID         NOT NULL,
    email                      VARCHAR(255) NOT NULL,
    hashed_password            TEXT,
    full_name                  VARCHAR(255) NOT NULL,
    bio                        TEXT,
    location                   VARCHAR(255),
    avatar_url                 TEXT,
    phone                      VARCHAR(20),
    timezone                   VARCHAR(50)  NOT NULL DEFAULT 'UTC',
    language                   VARCHAR(10)  NOT NULL DEFAULT 'pt',
    google_id                  VARCHAR(255),
    is_active                  BOOLEAN      NOT NULL DEFAULT true,
    is_verified                BOOLEAN      NOT NULL DEFAULT false,
    is_superuser               BOOLEAN      NOT NULL DEFAULT false,
    -- Holds the SHA-256 hash of the reset token, never the token.
    password_reset_token       VARCHAR(255),
    password_reset_expires     TIMESTAMPTZ,
    -- Holds the SHA-256 hash of the verification token, never the token.
    email_verification_token   VARCHAR(255),
    email_verification_expires TIMESTAMPTZ,
    verified_at                TIMESTAMPTZ,
    must_change_password       BOOLEAN      NOT NULL DEFAULT false,
    two_factor_secret          VARCHAR(255),
    two_factor_enabled         BOOLEAN      NOT NULL DEFAULT false,
    two_factor_backup_codes    TEXT[],
    last_login                 TIMESTAMPTZ,
    -- Addition: brute-force protection (consecutive failed logins and the lock they caused).
    failed_login_count         INTEGER      NOT NULL DEFAULT 0,
    locked_until               TIMESTAMPTZ,
    created_at                 TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at                 TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT ck_users_email_lower CHECK (email = lower(email)),
    CONSTRAINT ck_users_failed_login_count CHECK (failed_login_count >= 0)
);
-- Emails are stored lower-cased and unique case-insensitively.
CREATE UNIQUE INDEX idx_users_email ON crm.users (lower(email));
CREATE UNIQUE INDEX idx_users_google_id ON crm.users (google_id) WHERE google_id IS NOT NULL;
CREATE INDEX idx_users_created_at ON crm.users (created_at);
CREATE INDEX idx_users_password_reset_token ON crm.users (password_reset_token) WHERE password_reset_token IS NOT NULL;
CREATE INDEX idx_users_email_verification_token ON crm.users (email_verification_token)
    WHERE email_verification_token IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Organizations (the tenants) and membership
-- ---------------------------------------------------------------------------------------------

CREATE TABLE crm.organizations (
    id                  UUID         NOT NULL,
    name                VARCHAR(255) NOT NULL,
    slug                VARCHAR(100) NOT NULL,
    description         TEXT,
    website             VARCHAR(255),
    logo_url            TEXT,
    industry            VARCHAR(100),
    company_size        VARCHAR(50),
    owner_id            UUID         NOT NULL,
    is_active           BOOLEAN      NOT NULL DEFAULT true,
    is_verified         BOOLEAN      NOT NULL DEFAULT false,
    subscription_status VARCHAR(50)  NOT NULL DEFAULT 'free',
    trial_ends_at       TIMESTAMPTZ,
    settings            JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_organizations PRIMARY KEY (id),
    CONSTRAINT fk_organizations_owner FOREIGN KEY (owner_id) REFERENCES crm.users (id),
    CONSTRAINT ck_organizations_subscription_status CHECK (subscription_status IN
        ('free', 'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'))
);
-- Slugs are global (they appear in URLs before any tenant is known); the organization is the tenant root.
CREATE UNIQUE INDEX idx_organizations_slug ON crm.organizations (slug);
CREATE INDEX idx_organizations_owner_id ON crm.organizations (owner_id);
CREATE INDEX idx_organizations_created_at ON crm.organizations (created_at);

CREATE TABLE crm.organization_members (
    organization_id UUID                  NOT NULL,
    id              UUID                  NOT NULL,
    user_id         UUID                  NOT NULL,
    role            crm.organization_role NOT NULL DEFAULT 'member',
    permissions     JSONB                 NOT NULL DEFAULT '{}'::jsonb,
    is_active       BOOLEAN               NOT NULL DEFAULT true,
    joined_at       TIMESTAMPTZ           NOT NULL DEFAULT now(),
    created_at      TIMESTAMPTZ           NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ           NOT NULL DEFAULT now(),
    CONSTRAINT pk_organization_members PRIMARY KEY (organization_id, id),
    CONSTRAINT uq_organization_members_org_user UNIQUE (organization_id, user_id),
    CONSTRAINT fk_organization_members_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_organization_members_user FOREIGN KEY (user_id) REFERENCES crm.users (id) ON DELETE CASCADE
);
CREATE INDEX idx_organization_members_org_id ON crm.organization_members (organization_id);
CREATE INDEX idx_organization_members_user_id ON crm.organization_members (user_id);
CREATE INDEX idx_organization_members_role ON crm.organization_members (organization_id, role);

CREATE TABLE crm.organization_invites (
    organization_id UUID                  NOT NULL,
    id              UUID                  NOT NULL,
    invited_by_id   UUID,
    email           VARCHAR(255)          NOT NULL,
    invited_name    VARCHAR(100),
    role            crm.organization_role NOT NULL DEFAULT 'member',
    status          crm.invite_status     NOT NULL DEFAULT 'pending',
    message         TEXT,
    -- Holds the SHA-256 hash of the invite token, never the token.
    token           VARCHAR(255)          NOT NULL,
    is_active       BOOLEAN               NOT NULL DEFAULT true,
    metadata        JSONB                 NOT NULL DEFAULT '{}'::jsonb,
    created_at      TIMESTAMPTZ           NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ           NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ           NOT NULL,
    accepted_at     TIMESTAMPTZ,
    responded_at    TIMESTAMPTZ,
    CONSTRAINT pk_organization_invites PRIMARY KEY (organization_id, id),
    CONSTRAINT fk_organization_invites_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_organization_invites_invited_by FOREIGN KEY (invited_by_id) REFERENCES crm.users (id) ON DELETE SET NULL,
    CONSTRAINT ck_organization_invites_message CHECK (message IS NULL OR char_length(message) <= 500)
);
CREATE INDEX idx_organization_invites_org_id ON crm.organization_invites (organization_id, id DESC);
CREATE INDEX idx_organization_invites_email ON crm.organization_invites (organization_id, email);
-- Looked up by token alone (the invitee knows nothing else); the hash is globally unique. Under
-- Citus this lookup would go through a reference table of token hash -> organization.
CREATE UNIQUE INDEX idx_organization_invites_token ON crm.organization_invites (token);
CREATE INDEX idx_organization_invites_status ON crm.organization_invites (organization_id, status);

-- ---------------------------------------------------------------------------------------------
-- Sessions, two-factor, preferences
-- ---------------------------------------------------------------------------------------------

CREATE TABLE crm.user_sessions (
    id                     UUID         NOT NULL,
    user_id                UUID         NOT NULL,
    organization_id        UUID,
    -- Hashes (SHA-256) of the session and refresh tokens, never the tokens.
    session_token          VARCHAR(255) NOT NULL,
    refresh_token          VARCHAR(255),
    -- Addition: refresh rotation with reuse detection (RFC 9700 §4.14): the hash of the token the
    -- current one replaced, and when, so a replay can be told from a retry within the grace window.
    refresh_token_previous VARCHAR(255),
    refresh_rotated_at     TIMESTAMPTZ,
    ip_address             INET,
    user_agent             TEXT,
    device_info            JSONB        NOT NULL DEFAULT '{}'::jsonb,
    is_active              BOOLEAN      NOT NULL DEFAULT true,
    expires_at             TIMESTAMPTZ  NOT NULL,
    last_activity_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_user_sessions PRIMARY KEY (id),
    CONSTRAINT fk_user_sessions_user FOREIGN KEY (user_id) REFERENCES crm.users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_sessions_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE SET NULL
);
CREATE INDEX idx_user_sessions_user_id ON crm.user_sessions (user_id);
CREATE UNIQUE INDEX idx_user_sessions_session_token ON crm.user_sessions (session_token);
CREATE UNIQUE INDEX idx_user_sessions_refresh_token ON crm.user_sessions (refresh_token) WHERE refresh_token IS NOT NULL;
CREATE INDEX idx_user_sessions_refresh_token_previous ON crm.user_sessions (refresh_token_previous)
    WHERE refresh_token_previous IS NOT NULL;
CREATE INDEX idx_user_sessions_expires_at ON crm.user_sessions (expires_at);

CREATE TABLE crm.user_two_factor (
    organization_id   UUID        NOT NULL,
    id                UUID        NOT NULL,
    user_id           UUID        NOT NULL,
    secret_key        VARCHAR(32) NOT NULL,
    backup_codes      JSONB       NOT NULL DEFAULT '[]'::jsonb,
    backup_codes_used JSONB       NOT NULL DEFAULT '[]'::jsonb,
    is_enabled        BOOLEAN     NOT NULL DEFAULT false,
    confirmed_at      TIMESTAMPTZ,
    last_used_at      TIMESTAMPTZ,
    -- Addition: the last accepted TOTP time step; a code is accepted only for a later step (no replay).
    last_used_step    BIGINT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_user_two_factor PRIMARY KEY (organization_id, id),
    CONSTRAINT uq_user_two_factor_user_org UNIQUE (organization_id, user_id),
    CONSTRAINT fk_user_two_factor_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_two_factor_user FOREIGN KEY (user_id) REFERENCES crm.users (id) ON DELETE CASCADE
);
CREATE INDEX ix_user_two_factor_user_org ON crm.user_two_factor (organization_id, user_id);
CREATE INDEX ix_user_two_factor_organization_id ON crm.user_two_factor (organization_id);
CREATE INDEX ix_user_two_factor_enabled ON crm.user_two_factor (organization_id, is_enabled);

CREATE TABLE crm.user_preferences (
    organization_id       UUID        NOT NULL,
    id                    UUID        NOT NULL,
    user_id               UUID        NOT NULL,
    theme                 VARCHAR(20) NOT NULL DEFAULT 'system',
    language              VARCHAR(10) NOT NULL DEFAULT 'pt',
    timezone              VARCHAR(50) NOT NULL DEFAULT 'UTC',
    date_format           VARCHAR(20) NOT NULL DEFAULT 'DD/MM/YYYY',
    time_format           VARCHAR(10) NOT NULL DEFAULT '24h',
    email_notifications   BOOLEAN     NOT NULL DEFAULT true,
    push_notifications    BOOLEAN     NOT NULL DEFAULT true,
    sms_notifications     BOOLEAN     NOT NULL DEFAULT false,
    email_marketing       BOOLEAN     NOT NULL DEFAULT false,
    email_product_updates BOOLEAN     NOT NULL DEFAULT true,
    email_security_alerts BOOLEAN     NOT NULL DEFAULT true,
    email_billing_alerts  BOOLEAN     NOT NULL DEFAULT true,
    email_team_activity   BOOLEAN     NOT NULL DEFAULT true,
    dashboard_layout      VARCHAR(20) NOT NULL DEFAULT 'default',
    items_per_page        VARCHAR(10) NOT NULL DEFAULT '25',
    show_onboarding       BOOLEAN     NOT NULL DEFAULT true,
    show_tips             BOOLEAN     NOT NULL DEFAULT true,
    profile_visibility    VARCHAR(20) NOT NULL DEFAULT 'organization',
    activity_status       BOOLEAN     NOT NULL DEFAULT true,
    quiet_hours           JSONB       NOT NULL DEFAULT '{}'::jsonb,
    custom_settings       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_user_preferences PRIMARY KEY (organization_id, id),
    CONSTRAINT uq_user_preferences_user_org UNIQUE (organization_id, user_id),
    CONSTRAINT fk_user_preferences_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_preferences_user FOREIGN KEY (user_id) REFERENCES crm.users (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_preferences_theme CHECK (theme IN ('system', 'light', 'dark')),
    CONSTRAINT ck_user_preferences_time_format CHECK (time_format IN ('12h', '24h'))
);
CREATE INDEX ix_user_preferences_user_id ON crm.user_preferences (user_id);
CREATE INDEX ix_user_preferences_organization_id ON crm.user_preferences (organization_id);
CREATE INDEX ix_user_preferences_user_org ON crm.user_preferences (organization_id, user_id);
CREATE INDEX ix_user_preferences_theme ON crm.user_preferences (organization_id, theme);
CREATE INDEX ix_user_preferences_language ON crm.user_preferences (organization_id, language);

-- ---------------------------------------------------------------------------------------------
-- CRM core
-- ---------------------------------------------------------------------------------------------

CREATE TABLE crm.leads (
    organization_id      UUID              NOT NULL,
    id                   UUID              NOT NULL,
    name                 VARCHAR(255)      NOT NULL,
    email                VARCHAR(255),
    phone                VARCHAR(50),
    company              VARCHAR(255),
    position             VARCHAR(255),
    stage                VARCHAR(50)       NOT NULL DEFAULT 'lead',
    source               VARCHAR(100),
    priority             crm.lead_priority NOT NULL DEFAULT 'medium',
    estimated_value      NUMERIC(12, 2),
    actual_value         NUMERIC(15, 2),
    is_closed            BOOLEAN           NOT NULL DEFAULT false,
    is_won               BOOLEAN           NOT NULL DEFAULT false,
    is_favorite          BOOLEAN           NOT NULL DEFAULT false,
    assigned_user_id     UUID,
    last_contact_at      TIMESTAMPTZ,
    last_contact_channel VARCHAR(20),
    notes                TEXT,
    tags                 TEXT[]            NOT NULL DEFAULT '{}',
    lead_metadata        JSONB             NOT NULL DEFAULT '{}'::jsonb,
    created_at           TIMESTAMPTZ       NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ       NOT NULL DEFAULT now(),
    closed_at            TIMESTAMPTZ,
    CONSTRAINT pk_leads PRIMARY KEY (organization_id, id),
    CONSTRAINT fk_leads_organization FOREIGN KEY (organization_id) REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_leads_assigned_user FOREIGN KEY (assigned_user_id) REFERENCES crm.users (id) ON DELETE SET NULL,
    CONSTRAINT ck_leads_stage CHECK (stage IN ('lead', 'contact', 'proposal', 'negotiation', 'closed')),
    CONSTRAINT ck_leads_last_contact_channel CHECK (last_contact_channel IS NULL OR last_contact_channel IN
        ('email', 'whatsapp', 'phone', 'meeting', 'sms')),
    CONSTRAINT ck_leads_estimated_value CHECK (estimated_value IS NULL OR estimated_value >= 0),
    CONSTRAINT ck_leads_actual_value CHECK (actual_value IS NULL OR actual_value >= 0)
);
CREATE INDEX idx_leads_organization_id ON crm.leads (organization_id);
CREATE INDEX idx_leads_org_stage ON crm.leads (organization_id, stage);
-- Kanban columns, newest change first, keyset-paged on (updated_at, id).
CREATE INDEX idx_leads_org_stage_updated ON crm.leads (organization_id, stage, updated_at DESC, id DESC);
CREATE INDEX idx_leads_org_assigned_user ON crm.leads (organization_id, assigned_user_id);
CREATE INDEX idx_leads_org_search ON crm.leads USING gin
    (organization_id, name gin_trgm_ops, email gin_trgm_ops, phone gin_trgm_ops);
CREATE INDEX idx_leads_org_source ON crm.leads (organization_id, source);
CREATE INDEX idx_leads_org_priority ON crm.leads (organization_id, priority);

CREATE TABLE crm.communications (
    organization_id UUID         NOT NULL,
    id              UUID         NOT NULL,
    lead_id         UUID         NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    direction       VARCHAR(10)  NOT NULL,
    subject         VARCHAR(500),
    content         TEXT,
    comm_metadata   JSONB        NOT NULL DEFAULT '{}'::jsonb,
    attachments     JSONB        NOT NULL DEFAULT '[]'::jsonb,
    external_id     VARCHAR(255),
    status          VARCHAR(20)  NOT NULL DEFAULT 'sent',
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_communications PRIMARY KEY (organization_id, id),
    CONSTRAINT fk_communications_lead FOREIGN KEY (organization_id, lead_id)
        REFERENCES crm.leads (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT ck_communications_channel CHECK (channel IN ('email', 'whatsapp', 'phone', 'meeting', 'sms')),
    CONSTRAINT ck_communications_direction CHECK (direction IN ('inbound', 'outbound')),
    CONSTRAINT ck_communications_status CHECK (status IN ('pending', 'sent', 'delivered', 'read', 'failed'))
);
CREATE INDEX idx_communications_organization_id ON crm.communications (organization_id);
CREATE INDEX idx_communications_lead_id ON crm.communications (organization_id, lead_id, sent_at DESC, id DESC);
CREATE INDEX idx_communications_channel ON crm.communications (organization_id, channel);
CREATE INDEX idx_communications_external_id ON crm.communications (organization_id, external_id)
    WHERE external_id IS NOT NULL;
CREATE INDEX idx_communications_sent_at ON crm.communications (organization_id, sent_at);
CREATE INDEX idx_communications_created_at ON crm.communications (organization_id, created_at);

CREATE TABLE crm.message_templates (
    organization_id UUID         NOT NULL,
    id              UUID         NOT NULL,
    name            VARCHAR(255) NOT NULL,
    category        VARCHAR(100),
    content         TEXT         NOT NULL,
    variables       JSONB        NOT NULL DEFAULT '[]'::jsonb,
    is_active       BOOLEAN      NOT NULL DEFAULT true,
    usage_count     INTEGER      NOT NULL DEFAULT 0,
    created_by_id   UUID,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_message_templates PRIMARY KEY (organization_id, id),
    CONSTRAINT fk_message_templates_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_message_templates_created_by FOREIGN KEY (created_by_id) REFERENCES crm.users (id) ON DELETE SET NULL,
    CONSTRAINT ck_message_templates_usage_count CHECK (usage_count >= 0)
);
CREATE INDEX idx_message_templates_org_id ON crm.message_templates (organization_id);
CREATE INDEX idx_message_templates_category ON crm.message_templates (organization_id, category);

CREATE TABLE crm.ai_summaries (
    organization_id  UUID         NOT NULL,
    id               UUID         NOT NULL,
    conversation_id  UUID,
    lead_id          UUID,
    summary          TEXT         NOT NULL,
    sentiment        VARCHAR(20),
    next_actions     TEXT[]       NOT NULL DEFAULT '{}',
    confidence_score NUMERIC(3, 2),
    model_used       VARCHAR(50),
    tokens_used      INTEGER,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_ai_summaries PRIMARY KEY (organization_id, id),
    CONSTRAINT fk_ai_summaries_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_ai_summaries_lead FOREIGN KEY (organization_id, lead_id)
        REFERENCES crm.leads (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT ck_ai_summaries_sentiment CHECK (sentiment IS NULL OR sentiment IN ('positive', 'neutral', 'negative', 'mixed')),
    CONSTRAINT ck_ai_summaries_confidence_score CHECK (confidence_score IS NULL OR confidence_score BETWEEN 0 AND 1),
    CONSTRAINT ck_ai_summaries_tokens_used CHECK (tokens_used IS NULL OR tokens_used >= 0)
);
CREATE INDEX idx_ai_summaries_organization_id ON crm.ai_summaries (organization_id);
CREATE INDEX idx_ai_summaries_conversation_id ON crm.ai_summaries (organization_id, conversation_id);
CREATE INDEX idx_ai_summaries_lead_id ON crm.ai_summaries (organization_id, lead_id);
CREATE INDEX idx_ai_summaries_created_at ON crm.ai_summaries (organization_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- Billing
-- ---------------------------------------------------------------------------------------------

CREATE TABLE crm.plans (
    id          UUID         NOT NULL,
    name        VARCHAR(100) NOT NULL,
    slug        VARCHAR(50)  NOT NULL,
    price_cents INTEGER      NOT NULL DEFAULT 0,
    -- Addition: the seed prices plans in R$; the currency makes price_cents unambiguous for Stripe.
    currency    VARCHAR(3)   NOT NULL DEFAULT 'BRL',
    features    JSONB        NOT NULL DEFAULT '[]'::jsonb,
    is_active   BOOLEAN      NOT NULL DEFAULT true,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_plans PRIMARY KEY (id),
    CONSTRAINT uq_plans_slug UNIQUE (slug),
    CONSTRAINT ck_plans_price_cents CHECK (price_cents >= 0)
);

CREATE TABLE crm.organization_subscriptions (
    organization_id        UUID         NOT NULL,
    id                     UUID         NOT NULL,
    plan_id                UUID         NOT NULL,
    stripe_subscription_id VARCHAR(255),
    stripe_customer_id     VARCHAR(255),
    status                 VARCHAR(50)  NOT NULL DEFAULT 'active',
    is_active              BOOLEAN      NOT NULL DEFAULT true,
    current_period_start   TIMESTAMPTZ,
    current_period_end     TIMESTAMPTZ,
    is_trial               BOOLEAN      NOT NULL DEFAULT false,
    trial_end              TIMESTAMPTZ,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_organization_subscriptions PRIMARY KEY (organization_id, id),
    CONSTRAINT uq_organization_subscriptions_org UNIQUE (organization_id),
    CONSTRAINT fk_organization_subscriptions_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_organization_subscriptions_plan FOREIGN KEY (plan_id) REFERENCES crm.plans (id),
    CONSTRAINT ck_organization_subscriptions_status CHECK (status IN
        ('trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'))
);
CREATE INDEX idx_organization_subscriptions_org_id ON crm.organization_subscriptions (organization_id);
CREATE INDEX idx_organization_subscriptions_plan_id ON crm.organization_subscriptions (plan_id);
-- Stripe webhooks name the subscription only; under Citus this is a lookup outside the tenant key.
CREATE INDEX idx_organization_subscriptions_stripe_subscription_id
    ON crm.organization_subscriptions (stripe_subscription_id) WHERE stripe_subscription_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- System and integrations
-- ---------------------------------------------------------------------------------------------

CREATE TABLE crm.api_keys (
    organization_id UUID         NOT NULL,
    id              UUID         NOT NULL,
    name            VARCHAR(255) NOT NULL,
    key_hash        VARCHAR(255) NOT NULL,
    prefix          VARCHAR(20)  NOT NULL,
    permissions     JSONB        NOT NULL DEFAULT '[]'::jsonb,
    scopes          JSONB        NOT NULL DEFAULT '[]'::jsonb,
    last_used_at    TIMESTAMPTZ,
    usage_count     INTEGER      NOT NULL DEFAULT 0,
    rate_limit      INTEGER,
    is_active       BOOLEAN      NOT NULL DEFAULT true,
    expires_at      TIMESTAMPTZ,
    created_by_id   UUID,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_api_keys PRIMARY KEY (organization_id, id),
    CONSTRAINT fk_api_keys_organization FOREIGN KEY (organization_id) REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_api_keys_created_by FOREIGN KEY (created_by_id) REFERENCES crm.users (id) ON DELETE SET NULL,
    CONSTRAINT ck_api_keys_usage_count CHECK (usage_count >= 0),
    CONSTRAINT ck_api_keys_rate_limit CHECK (rate_limit IS NULL OR rate_limit > 0)
);
CREATE INDEX idx_api_keys_org_id ON crm.api_keys (organization_id);
-- A presented key is found by its prefix before any tenant is known (then verified by hash).
CREATE UNIQUE INDEX idx_api_keys_prefix ON crm.api_keys (prefix);

CREATE TABLE crm.webhooks (
    organization_id   UUID         NOT NULL,
    id                UUID         NOT NULL,
    name              VARCHAR(255) NOT NULL,
    url               VARCHAR(500) NOT NULL,
    events            JSONB        NOT NULL DEFAULT '[]'::jsonb,
    secret            VARCHAR(255) NOT NULL,
    headers           JSONB        NOT NULL DEFAULT '{}'::jsonb,
    is_active         BOOLEAN      NOT NULL DEFAULT true,
    last_triggered_at TIMESTAMPTZ,
    success_count     INTEGER      NOT NULL DEFAULT 0,
    failure_count     INTEGER      NOT NULL DEFAULT 0,
    created_by_id     UUID,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_webhooks PRIMARY KEY (organization_id, id),
    CONSTRAINT fk_webhooks_organization FOREIGN KEY (organization_id) REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhooks_created_by FOREIGN KEY (created_by_id) REFERENCES crm.users (id) ON DELETE SET NULL,
    CONSTRAINT ck_webhooks_success_count CHECK (success_count >= 0),
    CONSTRAINT ck_webhooks_failure_count CHECK (failure_count >= 0)
);
CREATE INDEX idx_webhooks_org_id ON crm.webhooks (organization_id);
CREATE INDEX idx_webhooks_active ON crm.webhooks (organization_id, is_active);

CREATE TABLE crm.background_jobs (
    id              UUID         NOT NULL,
    organization_id UUID,
    job_type        VARCHAR(100) NOT NULL,
    payload         JSONB        NOT NULL DEFAULT '{}'::jsonb,
    status          VARCHAR(50)  NOT NULL DEFAULT 'pending',
    priority        INTEGER      NOT NULL DEFAULT 0,
    max_retries     INTEGER      NOT NULL DEFAULT 3,
    retry_count     INTEGER      NOT NULL DEFAULT 0,
    scheduled_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    result          JSONB,
    error_message   TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_background_jobs PRIMARY KEY (id),
    CONSTRAINT fk_background_jobs_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT ck_background_jobs_status CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    CONSTRAINT ck_background_jobs_retries CHECK (max_retries >= 0 AND retry_count >= 0)
);
-- The queue: due pending jobs by priority (0 = high), then age.
CREATE INDEX idx_background_jobs_status ON crm.background_jobs (status, priority, scheduled_at);
CREATE INDEX idx_background_jobs_org_id ON crm.background_jobs (organization_id);

-- ---------------------------------------------------------------------------------------------
-- Analytics and tracking
-- ---------------------------------------------------------------------------------------------

CREATE TABLE crm.calendar_events (
    organization_id   UUID         NOT NULL,
    id                UUID         NOT NULL,
    lead_id           UUID,
    title             VARCHAR(255) NOT NULL,
    description       TEXT,
    start_time        TIMESTAMPTZ  NOT NULL,
    end_time          TIMESTAMPTZ  NOT NULL,
    external_event_id VARCHAR(255),
    calendar_provider VARCHAR(50),
    user_id           UUID,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_calendar_events PRIMARY KEY (organization_id, id),
    CONSTRAINT fk_calendar_events_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_calendar_events_lead FOREIGN KEY (organization_id, lead_id)
        REFERENCES crm.leads (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_calendar_events_user FOREIGN KEY (user_id) REFERENCES crm.users (id) ON DELETE SET NULL,
    CONSTRAINT ck_calendar_events_time CHECK (end_time >= start_time)
);
CREATE INDEX idx_calendar_events_org_id ON crm.calendar_events (organization_id);
CREATE INDEX idx_calendar_events_lead_id ON crm.calendar_events (organization_id, lead_id);
CREATE INDEX idx_calendar_events_user_id ON crm.calendar_events (organization_id, user_id);

CREATE TABLE crm.lead_activities (
    organization_id UUID         NOT NULL,
    id              UUID         NOT NULL,
    lead_id         UUID         NOT NULL,
    activity_type   VARCHAR(100) NOT NULL,
    description     TEXT,
    old_value       TEXT,
    new_value       TEXT,
    user_id         UUID,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_lead_activities PRIMARY KEY (organization_id, id),
    CONSTRAINT fk_lead_activities_lead FOREIGN KEY (organization_id, lead_id)
        REFERENCES crm.leads (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_lead_activities_user FOREIGN KEY (user_id) REFERENCES crm.users (id) ON DELETE SET NULL
);
CREATE INDEX idx_lead_activities_org_id ON crm.lead_activities (organization_id);
CREATE INDEX idx_lead_activities_lead_id ON crm.lead_activities (organization_id, lead_id, created_at DESC);
CREATE INDEX idx_lead_activities_type ON crm.lead_activities (organization_id, activity_type);

-- ---------------------------------------------------------------------------------------------
-- updated_at maintenance
-- ---------------------------------------------------------------------------------------------

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.table_name FROM information_schema.columns c
         WHERE c.table_schema = 'crm' AND c.column_name = 'updated_at'
    LOOP
        EXECUTE format('CREATE TRIGGER trg_%s_updated_at BEFORE UPDATE ON crm.%I '
                       'FOR EACH ROW EXECUTE FUNCTION crm.touch_updated_at()', t.table_name, t.table_name);
    END LOOP;
END
$$;

INSERT INTO crm.schema_versions (version, description)
VALUES (1, 'baseline schema: the 20 tables of the Loved CRM seed')
ON CONFLICT (version) DO NOTHING;
