// The cold-load peer of docs/BENCHMARKS.md: the least a Vue + Dexie entry screen does before its
// first input works. It opens an IndexedDB database, reads one stored figure and renders it in a
// number input. No router, no store, no service worker, no request to a server.
import Dexie, { type Table } from 'dexie'
import { createApp, defineComponent, h, shallowRef } from 'vue'

interface Cell {
  key: string
  value: number
}

const db = new Dexie('peer-mini') as Dexie & { cells: Table<Cell, string> }
db.version(1).stores({ cells: 'key' })

const Entry = defineComponent(() => {
  const value = shallowRef<number | undefined>()
  const ready = shallowRef(false)
  void db.cells.get('LUA_SL').then((c) => {
    value.value = c?.value
    ready.value = true
  })
  return () =>
    h('article', { class: 'ind' }, [
      h('label', { for: 'v' }, 'Sản lượng lúa'),
      h('input', { id: 'v', type: 'text', inputmode: 'decimal', disabled: !ready.value, value: value.value ?? '' }),
    ])
})

createApp(Entry).mount('#app')
