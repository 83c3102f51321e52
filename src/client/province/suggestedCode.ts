// A form's code that follows its name ("Xã Phổ Thuận" → pho-thuan) while it is the suggestion;
// once the officer edits the code by hand, it stays as typed.
import { watch } from 'vue'

export function codeFollowsName(draft: { name: string; code: string }, derive: (name: string) => string): void {
  let suggested = ''
  watch(
    () => draft.name,
    (name) => {
      const next = name.trim() ? derive(name) : ''
      if (draft.code === suggested) draft.code = next
      suggested = next
    },
  )
}
