// The case vocabulary of SPEC §2–3 (categories, priorities, channels) from the domain's own pure
// file, bundled by Vite: the lists the page offers are the lists the API accepts, written once.
export { CATEGORIES, CHANNELS, PRIORITIES } from '../../../libs/domain/src/case/case.values.js';
