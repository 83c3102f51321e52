// Evidence on the entry screen (issue 16): a lazy chunk of its own, mounted on each figure and on
// the whole report. It draws its button once loaded and the panel (a further chunk) once opened;
// the first load carries these lines only.
import { defineAsyncComponent } from 'vue'

export const EvidenceToggle = defineAsyncComponent(() => import('../../evidence/lazy').then((m) => m.loadToggle()))
