// Resource types used by the scripts, as `wmill resource-type generate-namespace` writes them.
// Hand-written so the scripts type-check offline; keep it in step with the *.resource-type.yaml files.
declare namespace RT {
  type AiTraderApi = {
    base_url: string;
    api_key?: string;
  };
  // Shipped in this folder (ai_trader_webhook.resource-type.yaml).
  type AiTraderWebhook = {
    url: string;
    format?: string;
    authorization?: string;
  };
  // Windmill's own `smtp` type (from the Hub, on every instance): not shipped here. `from` is optional.
  type Smtp = {
    host: string;
    port?: number;
    user?: string;
    password?: string;
    from?: string;
  };
}
