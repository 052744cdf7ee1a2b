import { Placeholder } from '../components/Placeholder';
import { L } from '../i18n/labels';

export default function DaftarPegawaiPage() {
  return <Placeholder title={L.page.titles.pegawai} />;
}
