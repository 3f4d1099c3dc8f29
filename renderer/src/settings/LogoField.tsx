import { useRef, useState } from 'react';

const MAX_DATA_URL = 2_000_000;
const TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];

/** The pack cover logo: a PNG, JPEG or SVG read into a data URL of at most 2 MB, with a preview. */
export function LogoField({ value, onChange }: { value: string | null; onChange(v: string | null): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (!TYPES.includes(file.type)) {
      setError(`“${file.name}” is not a PNG, JPEG or SVG image.`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      if (url.length > MAX_DATA_URL) {
        setError(
          `“${file.name}” is too large (${(file.size / 1_000_000).toFixed(1)} MB): use an image under 1.5 MB.`,
        );
        return;
      }
      onChange(url);
    };
    reader.onerror = () => setError(`“${file.name}” could not be read.`);
    reader.readAsDataURL(file);
  };
  return (
    <div className="field logo-field">
      <span id="logo-label">Logo for the pack cover</span>
      <div className="logo-row">
        <div className="logo-preview" aria-hidden={value ? undefined : true}>
          {value ? <img src={value} alt="Current logo" /> : <span className="muted small">No logo</span>}
        </div>
        <div className="logo-actions">
          <input
            ref={input}
            type="file"
            accept="image/png,image/jpeg,image/svg+xml"
            aria-labelledby="logo-label"
            className="sr-only"
            tabIndex={-1}
            onChange={(e) => {
              pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <button type="button" onClick={() => input.current?.click()}>
            {value ? 'Replace logo…' : 'Choose logo…'}
          </button>
          {value && (
            <button type="button" onClick={() => onChange(null)}>
              Remove
            </button>
          )}
          <span className="field-hint">PNG, JPEG or SVG, up to 1.5 MB.</span>
        </div>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
