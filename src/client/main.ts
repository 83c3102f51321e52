// Mounts the viewer on #app.
import { createApp } from 'vue'
import App from './App.vue'
import './styles.css'

createApp(App).mount('#app')
void import('./modules/pwa').then((pwa) => pwa.install())
