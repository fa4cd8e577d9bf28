// Resource types used by the scripts, as `wmill resource-type generate-namespace` writes them.
// Hand-written so the scripts type-check offline; keep it in step with ai_trader_api.resource-type.yaml.
declare namespace RT {
  type AiTraderApi = {
    base_url: string;
    api_key?: string;
  };
}
