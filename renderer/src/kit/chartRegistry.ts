import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';

let registered = false;

/** Registers only the Chart.js pieces the app uses (tree-shaken build, no auto-registration). */
export function registerCharts(): typeof Chart {
  if (!registered) {
    Chart.register(
      BarController,
      BarElement,
      CategoryScale,
      LinearScale,
      LineController,
      LineElement,
      PointElement,
      Filler,
      Legend,
      Title,
      Tooltip,
    );
    registered = true;
  }
  return Chart;
}
