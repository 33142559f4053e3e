/** The decision guide (ECS or EKS × EC2 or Fargate): a pure model, no React, no DOM. */
export { COMBOS, COMBO_IDS, comboLabel, joinWords, type Combo, type ComboId } from './combos.ts';
export {
  QUESTIONS,
  QUESTION_IDS,
  SINGLE_IDS,
  NEEDS,
  optionLabel,
  type Question,
  type QuestionId,
  type Option,
  type Need,
} from './questions.ts';
export { answersSchema, NO_ANSWERS, withAnswer, normaliseNeeds, type Answers } from './answers.ts';
export { RULES, type Rule, type GuideLink } from './rules.ts';
export {
  recommend,
  firedRules,
  effectText,
  questionText,
  type Recommendation,
  type Reason,
  type Outcome,
  type Score,
} from './recommend.ts';
export { FACTS, eksMonthlyFee, fullInstanceVsFargate, spikyDay, eksFargatePod } from './facts.ts';
export { answersToHash, readHash, HASH_VERSION, MAX_HASH_LENGTH, type HashRead } from './link.ts';
export { loadAnswers, saveAnswers, STORAGE_KEY, type StoreRead } from './storage.ts';
export { TRADE_OFFS, EVERY_CHOICE, allLinks, type TradeOff } from './trade-offs.ts';
