import { i18n } from '@/services/i18n/i18n';
import { PERSONAL_DATA_SETTING_KINDS, type Settings } from '@/services/settings/settings-schema';

const KIND_LABEL: Record<(typeof PERSONAL_DATA_SETTING_KINDS)[number], () => string> = {
  email: () => i18n.t('options.pii_email'),
  phone: () => i18n.t('options.pii_phone'),
  card: () => i18n.t('options.pii_card'),
  iban: () => i18n.t('options.pii_iban'),
  'national-id': () => i18n.t('options.pii_national_id'),
  address: () => i18n.t('options.pii_address'),
  ip: () => i18n.t('options.pii_ip'),
};

/** Which personal data Parley replaces by placeholders before text goes to a model. */
export function PrivacySettings({ privacy, onChange }: { privacy: Settings['privacy']; onChange(privacy: Settings['privacy']): void }) {
  return (
    <fieldset>
      <legend>{i18n.t('options.privacy_heading')}</legend>
      <label class="checkbox">
        <input name="mask-personal-data" type="checkbox" checked={privacy.maskPersonalData} onChange={(e) => onChange({ ...privacy, maskPersonalData: e.currentTarget.checked })} />
        {i18n.t('options.mask_personal_data')}
      </label>
      <p class="hint">{i18n.t('options.mask_hint')}</p>
      <div class="checkbox-grid" role="group" aria-label={i18n.t('options.mask_kinds')}>
        {PERSONAL_DATA_SETTING_KINDS.map((kind) => (
          <label class="checkbox" key={kind}>
            <input
              name={`mask-${kind}`}
              type="checkbox"
              disabled={!privacy.maskPersonalData}
              checked={privacy.kinds[kind]}
              onChange={(e) => onChange({ ...privacy, kinds: { ...privacy.kinds, [kind]: e.currentTarget.checked } })}
            />
            {KIND_LABEL[kind]()}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
