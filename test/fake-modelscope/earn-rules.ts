// GET /openapi/v1/magicubes/earn/rules as the real capture of modelscope.cn shows it (2026-09-22): the 28 ways to earn
// credits, each with today's progress. Both sites answer with the same words (the international site's are unknown).

export interface EarnRule {
  rule_key: string;
  title: string;
  description: string;
  category: string;
  category_key: string;
  scene: 'short_term' | 'long_term';
  amount: number;
  expire_days: number;
  daily_cap: number;
  total_cap: number;
}

// In the capture's order, with its words (interaction_comment's trailing newline included).
export const EARN_RULES: readonly EarnRule[] = [
  { rule_key: 'daily_active', title: '注册并登录', description: '注册账号后每日登录即可获取', category: '每日发放', category_key: 'daily', scene: 'short_term', amount: 200, expire_days: 1, daily_cap: 1, total_cap: 0 },
  { rule_key: 'aliyun_bindlogin', title: '绑定阿里云账号', description: '绑定阿里云账号后每日登录即可获取', category: '每日发放', category_key: 'daily', scene: 'short_term', amount: 50, expire_days: 1, daily_cap: 1, total_cap: 0 },
  { rule_key: 'opensource_model_influence_nonaigc', title: '模型（非AIGC）影响力激励', description: '模型（非AIGC）：下载量≥100 且 喜欢≥5', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_dataset_influence', title: '数据集影响力激励', description: '数据集：下载量≥100 且 喜欢≥5', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_studio_influence_view', title: '创空间影响力激励', description: '创空间：浏览量≥ 100 且 喜欢≥5', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_studio_influence_fork', title: '创空间被复制激励', description: '创空间：非本人复制，每被复制一次增加 10魔粒', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 10, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_gallery_influence_view', title: '灵感流影响力激励', description: '灵感流：浏览量超过 100 且 喜欢≥5', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_gallery_influence_fork', title: '灵感流被复制激励', description: '灵感流：非本人复制，每被复制一次增加 10魔粒', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 10, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_article_influence', title: '课程/文章影响力激励', description: '课程/文章：浏览量超过 100 且 喜欢≥5', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_skill_influence', title: 'Skill影响力激励', description: 'Skill：下载量≥100 且 喜欢≥5', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_mcp_influence', title: 'MCP影响力激励', description: 'MCP：调用量≥1000 且 喜欢数≥10', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'infocomplement_email_verification', title: '验证邮箱', description: '填写邮箱并绑定完成验证', category: '信息完善', category_key: 'profile', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 1 },
  { rule_key: 'infocomplement_profile_experience', title: '编辑个人介绍', description: '编辑「设置-个人介绍」并保存', category: '信息完善', category_key: 'profile', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 1 },
  { rule_key: 'infocomplement_profile_banner', title: '配置个人主页', description: '完善个人主页-配置置顶并保存', category: '信息完善', category_key: 'profile', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 1 },
  { rule_key: 'interaction_comment', title: '发起高质量讨论', description: '对他人发布内容进行评论，且获得非本人点赞/回复\n', category: '社区互动', category_key: 'interaction', scene: 'short_term', amount: 5, expire_days: 1, daily_cap: 2, total_cap: 0 },
  { rule_key: 'interaction_like', title: '收藏/喜欢', description: '对其他用户的发布进行点击收藏/喜欢', category: '社区互动', category_key: 'interaction', scene: 'short_term', amount: 2, expire_days: 1, daily_cap: 20, total_cap: 0 },
  { rule_key: 'invitation_registration_invitor', title: '邀请好友', description: '邀请注册-邀请方(月上限50人)', category: '邀请注册', category_key: 'invitation', scene: 'long_term', amount: 20, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_aigcworks_publish', title: '发布AIGC作品', description: '发布AIGC作品且浏览量≥1激励', category: '开源贡献', category_key: 'opensource', scene: 'short_term', amount: 10, expire_days: 1, daily_cap: 10, total_cap: 0 },
  { rule_key: 'opensource_model_publish_aigc', title: '发布AIGC模型', description: '发布 AIGC 专区训练的公开 LoRA 模型', category: '开源贡献', category_key: 'opensource', scene: 'short_term', amount: 10, expire_days: 1, daily_cap: 5, total_cap: 0 },
  { rule_key: 'opensource_aigcworks_influence_view', title: 'AIGC 作品浏览量激励', description: 'AIGC 作品浏览量≥ 100 且 喜欢≥3', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 20, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_aigcworks_influence_feedback', title: 'AIGC 作品反馈量激励', description: 'AIGC 作品获得来自非本人反馈量（生同款、评论 或 喜欢）≥10', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 20, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'opensource_model_influence_aigc', title: '模型（AIGC）影响力激励', description: 'AIGC模型：AIGC专区推理次数≥10 且 喜欢≥5', category: '开源贡献', category_key: 'opensource', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 5, total_cap: 0 },
  { rule_key: 'badge_magicube_longterm', title: '勋章激励发放', description: 'AIGC搭子勋章激励发放', category: '月榜/勋章激励', category_key: 'badge_ranking', scene: 'long_term', amount: 300, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'badge_magicube_shortterm', title: '勋章激励发放', description: 'AIGC搭子勋章激励发放', category: '月榜/勋章激励', category_key: 'badge_ranking', scene: 'short_term', amount: 20, expire_days: 1, daily_cap: 1, total_cap: 0 },
  { rule_key: 'ranking_magicube_longterm', title: '月榜激励发放', description: 'AIGC月榜激励发放', category: '月榜/勋章激励', category_key: 'badge_ranking', scene: 'long_term', amount: 0, expire_days: 90, daily_cap: 0, total_cap: 0 },
  { rule_key: 'coupon_exchange', title: '勋章激励发放', description: '高阶券下线补偿，按剩余券数折算魔粒一次性发放', category: '月榜/勋章激励', category_key: 'badge_ranking', scene: 'long_term', amount: 0, expire_days: 90, daily_cap: 0, total_cap: 1 },
  { rule_key: 'invitation_registration_newuser', title: '受邀注册', description: '通过邀请码注册成功即可获得', category: '邀请与拉新', category_key: 'invitation', scene: 'long_term', amount: 50, expire_days: 90, daily_cap: 0, total_cap: 1 },
  { rule_key: 'admin_grant', title: '运营发放', description: '管控台人工发放，金额与有效期由操作员指定', category: '运营发放', category_key: 'badge_ranking', scene: 'long_term', amount: 0, expire_days: 30, daily_cap: 0, total_cap: 0 },
];

/** The rule a grant was issued under, or undefined for a rule_key the list does not have (e.g. a test's own). */
export function earnRuleOf(ruleKey: string): EarnRule | undefined {
  return EARN_RULES.find((rule) => rule.rule_key === ruleKey);
}

/** What an account was granted today under one rule: how many grants, and their credits. */
export interface EarnedToday {
  count: number;
  credits: number;
}

/** One rule with today's progress; `todayCount` says `today_count` instead of `today_used`, as was seen once. */
export function earnRuleRow(rule: EarnRule, today: EarnedToday, todayCount: boolean) {
  const used = todayCount ? { today_count: today.count } : { today_used: today.count };
  return {
    ...rule,
    ...used,
    today_remain: Math.max(0, rule.daily_cap - today.count),
    // 0 in the capture even beside credits earned today.
    total_earned: 0,
    // The capture's earned_amount equals today's.
    today_earned_amount: today.credits,
    earned_amount: today.credits,
  };
}
