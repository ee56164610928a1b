-- Billing (issue 10): plans, subscriptions, entitlements and the Stripe module.
--
-- The rule for organizations without a subscription row: they are on Básico (slug 'basic'), and
-- organizations.subscription_status says 'free'. A row is written at the first plan change or checkout; from
-- then on its status is mirrored into organizations.subscription_status. organization_subscriptions already has
-- row-level security (V3 covers every table with a NOT NULL organization_id).

-- Additions to the seed's organization_subscriptions:
-- * trial_start: the seed keeps only the trial's end; Stripe reports both and the issue asks for both.
-- * cancel_at_period_end: a cancellation scheduled for the end of the period (and undone before it) must be
--   visible without asking Stripe.
-- * attempt_id: the locally stored attempt the deterministic idempotency keys of Stripe calls derive from
--   (organization + plan + attempt). It changes after each provider change that succeeded, so a double click or
--   a retried job repeats the same key and Stripe performs the call once.
ALTER TABLE crm.organization_subscriptions
    ADD COLUMN trial_start          TIMESTAMPTZ,
    ADD COLUMN cancel_at_period_end BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN attempt_id           UUID;

-- is_active is derived by one rule, kept by the database: trialing, active and past_due grant the plan (past_due
-- while the provider retries the payment); every other state holds the organization to Básico. Rows written
-- before this migration are brought in line first.
UPDATE crm.organization_subscriptions
   SET is_active = (status IN ('trialing', 'active', 'past_due')), is_trial = (status = 'trialing')
 WHERE is_active IS DISTINCT FROM (status IN ('trialing', 'active', 'past_due'))
    OR is_trial IS DISTINCT FROM (status = 'trialing');
ALTER TABLE crm.organization_subscriptions
    ADD CONSTRAINT ck_organization_subscriptions_is_active
        CHECK (is_active = (status IN ('trialing', 'active', 'past_due'))),
    ADD CONSTRAINT ck_organization_subscriptions_is_trial
        CHECK (is_trial = (status = 'trialing'));

-- Webhook deliveries already processed, recorded in the same transaction as the change they caused, so the same
-- event delivered twice (provider retries, concurrent deliveries) changes nothing the second time: a concurrent
-- insert of the same id waits for the first transaction and then conflicts. Global, not tenant-owned: an event
-- names a provider customer or subscription, and the organization is found from it.
CREATE TABLE crm.billing_webhook_events (
    event_id     VARCHAR(255) NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_billing_webhook_events PRIMARY KEY (event_id)
);

INSERT INTO crm.schema_versions (version, description)
VALUES (13, 'billing: trial start, cancel at period end, idempotency attempt, is_active and is_trial rules, webhook events')
ON CONFLICT (version) DO NOTHING;
