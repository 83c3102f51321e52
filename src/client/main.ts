// Mounts the app on #app, then registers the service worker once the router has shown the first
// screen, and lets the worker's Background Sync wake the sync engine.
import { createApp } from 'vue'
import App from './App.vue'
import { installApp } from './setup'
import { useSyncStore } from './stores/sync'
import './styles.css'

const app = createApp(App)
const { router, pinia } = installApp(app)
app.mount('#app')
void import('./modules/pwa').then((pwa) => {
  pwa.install({ router })
  pwa.onSyncRequested(() => void useSyncStore(pinia).syncNow())
})
