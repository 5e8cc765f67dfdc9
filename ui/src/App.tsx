import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Admin } from './pages/Admin';
import { Audit } from './pages/Audit';
import { Home } from './pages/Home';
import { ModelDetailPage } from './pages/ModelDetail';
import { MyModels } from './pages/MyModels';
import { NotFound } from './pages/NotFound';
import { Register } from './pages/Register';
import { ReviewQueue } from './pages/ReviewQueue';
import { UserCenter } from './pages/UserCenter';

/** SPA routes; the query-side forwards each of them to /index.html. */
export const ROUTES = ['/', '/models/detail/:name', '/register', '/my-models', '/review', '/me', '/audit', '/admin'];

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="models/detail/:name" element={<ModelDetailPage />} />
        <Route path="register" element={<Register />} />
        <Route path="my-models" element={<MyModels />} />
        <Route path="review" element={<ReviewQueue />} />
        <Route path="me" element={<UserCenter />} />
        <Route path="audit" element={<Audit />} />
        <Route path="admin" element={<Admin />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
