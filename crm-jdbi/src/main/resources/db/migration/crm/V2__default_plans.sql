-- The two default plans of the seed, with fixed ids so they are the same in every installation.
INSERT INTO crm.plans (id, name, slug, price_cents, currency, features)
VALUES ('00000000-0000-7000-8000-000000000001', 'Básico', 'basic', 0, 'BRL',
        '["user_management", "basic_dashboard", "up_to_100_leads", "email_support"]'::jsonb),
       ('00000000-0000-7000-8000-000000000002', 'Profissional', 'professional', 2900, 'BRL',
        '["unlimited_leads", "advanced_reports", "api_access", "integrations"]'::jsonb)
ON CONFLICT (slug) DO NOTHING;

INSERT INTO crm.seed_versions (version, environment, description)
VALUES (1, 'all', 'default plans: basic (Básico, R$0) and professional (Profissional, R$29)')
ON CONFLICT (version, environment) DO NOTHING;

INSERT INTO crm.schema_versions (version, description)
VALUES (2, 'default plans')
ON CONFLICT (version) DO NOTHING;
