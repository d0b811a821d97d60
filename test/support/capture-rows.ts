/** A spend row of the transactions answer with every field of the real capture (2026-09-22), as both sites write it. */
export const captureSpendRow = (gmtCreated: string | number, modelTier: string, totalAmount: number | string, count: number) => ({
  gmt_created: gmtCreated,
  type: 'SPEND_CONFIRM',
  rule_key: 'api_inference',
  category_key: 'api_inference',
  model_tier: modelTier,
  title: '',
  description: '',
  category: '',
  total_amount: totalAmount,
  count,
});
