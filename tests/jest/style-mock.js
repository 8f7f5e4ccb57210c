// Stylesheets imported by @grafana/ui load as nothing in jest (create-plugin maps them to identity-obj-proxy).
export default {};
