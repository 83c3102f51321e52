// The size floor of docs/BENCHMARKS.md: the named stack alone (Vue, Vue Router, Pinia, Dexie,
// workbox-window), each used the least a real entry screen uses it, so that a bundler cannot
// drop it: one route, one store, one table, the service worker registered.
import Dexie, { type Table } from 'dexie'
import { createPinia, defineStore } from 'pinia'
import { createApp, defineComponent, h } from 'vue'
import { createRouter, createWebHistory, RouterView } from 'vue-router'
import { Workbox } from 'workbox-window'

const db = new Dexie('peer-stack') as Dexie & { cells: Table<{ key: string; value: number }, string> }
db.version(1).stores({ cells: 'key' })

const useCells = defineStore('cells', {
  state: () => ({ value: undefined as number | undefined }),
  actions: {
    async load() {
      this.value = (await db.cells.get('LUA_SL'))?.value
    },
  },
})

const Entry = defineComponent(() => {
  const cells = useCells()
  void cells.load()
  return () => h('input', { id: 'v', type: 'text', value: cells.value ?? '' })
})

const router = createRouter({ history: createWebHistory(), routes: [{ path: '/:rest(.*)*', component: Entry }] })
createApp(() => h(RouterView)).use(createPinia()).use(router).mount('#app')
if ('serviceWorker' in navigator) void new Workbox('/sw.js').register()
