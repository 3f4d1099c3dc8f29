import { SCREENS, type ScreenId } from '../screens';
import { NavIcon } from './NavIcon';

export function Sidebar({ current }: { current: ScreenId }) {
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        CAIO Scorecard
      </div>
      <ul>
        {SCREENS.map((s) => (
          <li key={s.id}>
            <a href={`#/${s.id}`} aria-current={current === s.id ? 'page' : undefined} className="nav-link">
              <NavIcon screen={s.id} />
              {s.label}
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">Offline · your data stays on this computer</div>
    </nav>
  );
}
