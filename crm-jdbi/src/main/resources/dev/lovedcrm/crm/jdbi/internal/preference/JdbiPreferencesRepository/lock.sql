-- The preferences of a member, locked for a read-modify-write.
SELECT theme, language, timezone, date_format, time_format,
       email_notifications, push_notifications, sms_notifications, email_marketing, email_product_updates,
       email_security_alerts, email_billing_alerts, email_team_activity,
       dashboard_layout, items_per_page, show_onboarding, show_tips, profile_visibility, activity_status,
       quiet_hours, custom_settings
  FROM crm.user_preferences
 WHERE organization_id = :organizationId AND user_id = :userId
   FOR UPDATE
