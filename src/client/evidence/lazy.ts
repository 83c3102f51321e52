// The evidence code's one door from the first load (the entry screen's buttons, the sync badge's
// line): a chunk without static imports, so the first load names no evidence file to preload.
export const loadToggle = () => import('./EvidenceToggle.vue')
export const loadBadgeLine = () => import('./BadgeLine.vue')
