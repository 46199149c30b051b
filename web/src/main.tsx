import { render } from 'preact';
import { App } from './app';
import { connectBackend } from './firebase';
import './styles.css';

const root = document.getElementById('app')!;
connectBackend()
  .then((backend) => render(<App backend={backend} />, root))
  .catch((error: unknown) => {
    root.textContent = `파트너센터를 불러오지 못했습니다: ${String(error)}`;
  });
