-- The topics' proactive-action texts ({"en": …, "ar": …}) and departments, from the catalogue.
SELECT code, department_code AS department, proactive_action FROM topics
