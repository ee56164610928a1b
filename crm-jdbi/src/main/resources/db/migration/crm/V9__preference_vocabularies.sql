-- The preference vocabularies of the application this schema comes from: dashboard layouts default, compact
-- and expanded; 10, 20, 50 or 100 items per page, 20 by default. Rows written with the SDK's earlier words
-- ('detailed', '25') move to the nearest value, and CHECK constraints keep the columns to the vocabulary, as
-- the seed's other closed vocabularies are kept (theme, time format).
UPDATE crm.user_preferences SET dashboard_layout = 'expanded' WHERE dashboard_layout = 'detailed';
UPDATE crm.user_preferences SET items_per_page = '20' WHERE items_per_page = '25';
ALTER TABLE crm.user_preferences
    ALTER COLUMN items_per_page SET DEFAULT '20',
    ADD CONSTRAINT ck_user_preferences_dashboard_layout CHECK (dashboard_layout IN ('default', 'compact', 'expanded')),
    ADD CONSTRAINT ck_user_preferences_items_per_page CHECK (items_per_page IN ('10', '20', '50', '100'));

INSERT INTO crm.schema_versions (version, description)
VALUES (9, 'preference vocabularies of the source application')
ON CONFLICT (version) DO NOTHING;
