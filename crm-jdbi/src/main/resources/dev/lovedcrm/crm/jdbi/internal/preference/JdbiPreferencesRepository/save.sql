-- Inserts or replaces the preferences of a member (one row per organization and user).
INSERT INTO crm.user_preferences (organization_id, id, user_id,
       theme, language, timezone, date_format, time_format,
       email_notifications, push_notifications, sms_notifications, email_marketing, email_product_updates,
       email_security_alerts, email_billing_alerts, email_team_activity,
       dashboard_layout, items_per_page, show_onboarding, show_tips, profile_visibility, activity_status,
       quiet_hours, custom_settings)
VALUES (:organizationId, :id, :userId,
       :theme, :language, :timezone, :dateFormat, :timeFormat,
       :emailNotifications, :pushNotifications, :smsNotifications, :emailMarketing, :emailProductUpdates,
       :emailSecurityAlerts, :emailBillingAlerts, :emailTeamActivity,
       :dashboardLayout, :itemsPerPage, :showOnboarding, :showTips, :profileVisibility, :activityStatus,
       COALESCE(:quietHours, '{}'::jsonb), :customSettings)
ON CONFLICT (organization_id, user_id) DO UPDATE
   SET theme = EXCLUDED.theme, language = EXCLUDED.language, timezone = EXCLUDED.timezone,
       date_format = EXCLUDED.date_format, time_format = EXCLUDED.time_format,
       email_notifications = EXCLUDED.email_notifications, push_notifications = EXCLUDED.push_notifications,
       sms_notifications = EXCLUDED.sms_notifications, email_marketing = EXCLUDED.email_marketing,
       email_product_updates = EXCLUDED.email_product_updates,
       email_security_alerts = EXCLUDED.email_security_alerts, email_billing_alerts = EXCLUDED.email_billing_alerts,
       email_team_activity = EXCLUDED.email_team_activity,
       dashboard_layout = EXCLUDED.dashboard_layout, items_per_page = EXCLUDED.items_per_page,
       show_onboarding = EXCLUDED.show_onboarding, show_tips = EXCLUDED.show_tips,
       profile_visibility = EXCLUDED.profile_visibility, activity_status = EXCLUDED.activity_status,
       quiet_hours = EXCLUDED.quiet_hours, custom_settings = EXCLUDED.custom_settings
 WHERE crm.user_preferences.organization_id = :organizationId
