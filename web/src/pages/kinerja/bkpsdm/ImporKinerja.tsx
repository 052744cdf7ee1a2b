import { Placeholder } from '../../../components/Placeholder';
import { L } from '../../../i18n/labels';

export default function ImporKinerjaPage() {
  return <Placeholder title={L.kinerjaBkpsdm.titles.imporKinerja} />;
}
