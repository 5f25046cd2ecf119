// The rate the door's face match stands for at this body's roll, in words a clerk can read (issue 27, point 2):
// "按本届 N 名已录入人脸的代表计算，…陌生人被误认为某位代表的概率不超过十万分之一。" The server chooses the threshold.
import { describeOperatingPoint } from '../../../../shared/face/roll-words';
import { getFaceOperatingPoint } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';
import { Card, ErrorNote, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';

/** @param version changes when the roll may have changed (deputies added, photos enrolled or erased): read again. */
export function FaceRate({ bodyId, version }: { bodyId: number; version: number }) {
  const { t, pick } = useI18n();
  const point = useAsync(() => getFaceOperatingPoint(bodyId), [bodyId, version]);
  if (point.error) return <ErrorNote error={point.error} />;
  const p = point.data;
  return (
    <Card title={t('ruleFaceRate')} className="face-rate">
      {!p ? (
        <Loading />
      ) : (
        <>
          <p className="face-rate-words">{pick(describeOperatingPoint(p))}</p>
          {p.scaled && <p className="muted">{t('faceRateThresholds', { one: p.one.cosine.toFixed(2), several: p.several.cosine.toFixed(2) })}</p>}
          <p className="rule-why">{t('whyFaceRate')}</p>
        </>
      )}
    </Card>
  );
}
