/** The engine functions the learner's assignment page needs, behind one dynamic import. */
export {
  checkGoals,
  createWorld,
  loadServicesFor,
  replay,
  serializeWorld,
  validateAction,
} from '@sandbox';
