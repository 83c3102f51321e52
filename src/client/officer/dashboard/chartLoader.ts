// Chart.js, loaded the first time a chart is shown (never with the entry screen nor with the
// dashboard's own chunk: the table works without it). Only the pieces the two charts draw are
// registered (line and bar, category and linear scales, tooltip, legend), so the rest of the
// library is tree-shaken out of the chart chunk.
import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue'
import type { Chart as ChartType, ChartConfiguration } from 'chart.js'

type ChartClass = typeof ChartType

let loading: Promise<ChartClass> | undefined

export function loadChartJs(): Promise<ChartClass> {
  loading ??= import('chart.js').then(
    ({ Chart, LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend }) => {
      Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend)
      return Chart
    },
    (err: unknown) => {
      loading = undefined // a lost connection: the next chart tries again
      throw err
    },
  )
  return loading
}

export type ChartState = 'loading' | 'ready' | 'error'

/**
 * Draws `config()` on `canvas` once Chart.js has loaded, redraws when the config changes and
 * destroys the chart when the component goes away.
 */
export function useLazyChart(canvas: Readonly<Ref<HTMLCanvasElement | null>>, config: () => ChartConfiguration): { state: Readonly<Ref<ChartState>> } {
  const state = shallowRef<ChartState>('loading')
  let chart: ChartType | undefined
  let gone = false

  onMounted(async () => {
    try {
      const Chart = await loadChartJs()
      if (gone || !canvas.value) return
      chart = new Chart(canvas.value, config())
      state.value = 'ready'
    } catch {
      if (!gone) state.value = 'error'
    }
  })

  watch(config, (next) => {
    if (!chart) return
    chart.data = next.data
    if (next.options) chart.options = next.options
    chart.update()
  })

  onBeforeUnmount(() => {
    gone = true
    chart?.destroy()
    chart = undefined
  })

  return { state }
}
