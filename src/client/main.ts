// Mounts the app on #app. Once the first screen is shown (composables/firstScreen.ts), registers
// the service worker and lets the worker's Background Sync wake the sync engine; the sync engine,
// the session's check and the account menu wait for the same moment (AppServices.later).
import { createApp } from 'vue'
import App from './App.vue'
import { afterFirstScreen, releaseAfter } from './composables/firstScreen'
import { installApp } from './setup'
import { useSyncStore } from './stores/sync'
import './styles.css'

// Marks of the first load's steps, read by the cold-load bench (test/bench/browserLoad.ts, BENCH_LOAD_LOG).
performance.mark('thidua:run')
const app = createApp(App)
const { router, pinia } = installApp(app, { later: afterFirstScreen })
app.mount('#app')
releaseAfter(router.isReady())
void afterFirstScreen()
  .then(() => import('./modules/pwa'))
  .then((pwa) => {
    pwa.install({ router })
    pwa.onSyncRequested(() => void useSyncStore(pinia).syncNow())
  })
